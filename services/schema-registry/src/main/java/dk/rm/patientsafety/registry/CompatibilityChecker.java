package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.serde.CompatibilityLevel;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a new schema may follow earlier versions under a compatibility level, using Avro's own
 * {@link SchemaCompatibility}, and words the failures the way Confluent's registry does.
 */
final class CompatibilityChecker {

    /** An earlier version of a subject. */
    record PreviousVersion(int version, Schema schema) {
    }

    private CompatibilityChecker() {
    }

    /**
     * Checks {@code candidate} against {@code previous} (oldest first) under {@code level}: the non-transitive
     * levels look at the newest previous version only. Returns Confluent-style messages; empty means compatible.
     */
    static List<String> check(CompatibilityLevel level, Schema candidate, List<PreviousVersion> previous) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return List.of();
        }
        List<PreviousVersion> against = isTransitive(level) ? previous : List.of(previous.get(previous.size() - 1));
        List<String> messages = new ArrayList<>();
        for (PreviousVersion old : against) {
            List<String> problems = new ArrayList<>();
            if (checksBackward(level)) {
                problems.addAll(describe(candidate, old.schema(), "new", "old"));
            }
            if (checksForward(level)) {
                problems.addAll(describe(old.schema(), candidate, "old", "new"));
            }
            if (!problems.isEmpty()) {
                messages.addAll(problems);
                messages.add("{oldSchemaVersion: " + old.version() + "}");
            }
        }
        if (!messages.isEmpty()) {
            messages.add("{compatibility: '" + level + "'}");
        }
        return messages;
    }

    static boolean isTransitive(CompatibilityLevel level) {
        return level.name().endsWith("_TRANSITIVE");
    }

    private static boolean checksBackward(CompatibilityLevel level) {
        return level.name().startsWith("BACKWARD") || level.name().startsWith("FULL");
    }

    private static boolean checksForward(CompatibilityLevel level) {
        return level.name().startsWith("FORWARD") || level.name().startsWith("FULL");
    }

    /** Whether data written with {@code writer} can be read with {@code reader}, as messages naming each problem. */
    private static List<String> describe(Schema reader, Schema writer, String readerLabel, String writerLabel) {
        SchemaCompatibility.SchemaCompatibilityResult result;
        try {
            result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        } catch (RuntimeException e) {
            return List.of("{errorType:'UNKNOWN', description:'Avro could not compare the schemas: " + e.getMessage() + "'}");
        }
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        return result.getIncompatibilities().stream()
                .map(incompatibility -> format(incompatibility, readerLabel, writerLabel))
                .toList();
    }

    private static String format(Incompatibility incompatibility, String reader, String writer) {
        String info = incompatibility.getMessage();
        String path = incompatibility.getLocation();
        String description = switch (incompatibility.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "The field '" + info + "' at path '" + path + "' in the " + reader
                    + " schema has no default value and is missing in the " + writer + " schema";
            case TYPE_MISMATCH -> "The type (path '" + path + "') of a field in the " + reader
                    + " schema does not match with the " + writer + " schema";
            case NAME_MISMATCH -> "The name of the schema has changed (path '" + path + "')";
            case MISSING_ENUM_SYMBOLS -> "The " + reader + " schema is missing enum symbols '" + info + "' at path '" + path
                    + "' in the " + writer + " schema";
            case MISSING_UNION_BRANCH -> "The " + reader + " schema is missing a type inside a union field at path '" + path
                    + "' in the " + writer + " schema";
            case FIXED_SIZE_MISMATCH -> "The size of FIXED type field at path '" + path + "' in the " + reader
                    + " schema does not match with the " + writer + " schema";
        };
        return "{errorType:'" + incompatibility.getType() + "', description:'" + description + "', additionalInfo:'" + info + "'}";
    }
}
