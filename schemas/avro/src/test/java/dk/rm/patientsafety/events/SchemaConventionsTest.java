package dk.rm.patientsafety.events;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every event schema is documented and built to evolve: docs everywhere, enum defaults, optional fields defaulted. */
class SchemaConventionsTest {

    private static final List<Class<?>> EVENTS = List.of(IncidentReported.class, IncidentClassified.class,
            QualityIndicatorObservation.class, Alert.class, DeadLetter.class, IncidentSubmission.class, ReporterRecord.class, ClassificationOverride.class);

    @Test
    void everyRecordAndFieldHasADoc() {
        assertEquals(List.of(), violations((schema, problems) -> {
            if (schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM) {
                if (isBlank(schema.getDoc())) {
                    problems.add(schema.getFullName() + " has no doc");
                }
            }
            if (schema.getType() == Schema.Type.RECORD) {
                schema.getFields().stream().filter(f -> isBlank(f.doc()))
                        .forEach(f -> problems.add(schema.getName() + "." + f.name() + " has no doc"));
            }
        }));
    }

    @Test
    void everyEnumHasADefaultSoNewSymbolsDoNotBreakOldReaders() {
        assertEquals(List.of(), violations((schema, problems) -> {
            if (schema.getType() == Schema.Type.ENUM && schema.getEnumDefault() == null) {
                problems.add(schema.getFullName() + " has no enum default");
            }
        }));
    }

    @Test
    void everyOptionalFieldDefaultsToNull() {
        assertEquals(List.of(), violations((schema, problems) -> {
            if (schema.getType() == Schema.Type.RECORD) {
                schema.getFields().stream()
                        .filter(f -> f.schema().isNullable() && !(f.hasDefaultValue() && f.defaultVal() == org.apache.avro.JsonProperties.NULL_VALUE))
                        .forEach(f -> problems.add(schema.getName() + "." + f.name() + " is optional without a null default"));
            }
        }));
    }

    private interface Check {
        void apply(Schema schema, List<String> problems);
    }

    private static List<String> violations(Check check) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        EVENTS.forEach(type -> walk(SpecificData.get().getSchema(type), check, problems, seen));
        return problems;
    }

    private static void walk(Schema schema, Check check, List<String> problems, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    check.apply(schema, problems);
                    schema.getFields().forEach(f -> walk(f.schema(), check, problems, seen));
                }
            }
            case ENUM -> {
                if (seen.add(schema.getFullName())) {
                    check.apply(schema, problems);
                }
            }
            case ARRAY -> walk(schema.getElementType(), check, problems, seen);
            case MAP -> walk(schema.getValueType(), check, problems, seen);
            case UNION -> schema.getTypes().forEach(t -> walk(t, check, problems, seen));
            default -> {
            }
        }
    }

    private static boolean isBlank(String doc) {
        return doc == null || doc.isBlank();
    }
}
