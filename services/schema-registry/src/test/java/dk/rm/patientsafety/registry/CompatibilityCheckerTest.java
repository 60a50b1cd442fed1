package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.registry.CompatibilityChecker.PreviousVersion;
import dk.rm.patientsafety.serde.CompatibilityLevel;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dk.rm.patientsafety.registry.AvroTestSchemas.enumField;
import static dk.rm.patientsafety.registry.AvroTestSchemas.field;
import static dk.rm.patientsafety.registry.AvroTestSchemas.fieldWithDefault;
import static dk.rm.patientsafety.registry.AvroTestSchemas.record;
import static dk.rm.patientsafety.serde.CompatibilityLevel.BACKWARD;
import static dk.rm.patientsafety.serde.CompatibilityLevel.BACKWARD_TRANSITIVE;
import static dk.rm.patientsafety.serde.CompatibilityLevel.FORWARD;
import static dk.rm.patientsafety.serde.CompatibilityLevel.FORWARD_TRANSITIVE;
import static dk.rm.patientsafety.serde.CompatibilityLevel.FULL;
import static dk.rm.patientsafety.serde.CompatibilityLevel.FULL_TRANSITIVE;
import static dk.rm.patientsafety.serde.CompatibilityLevel.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompatibilityCheckerTest {

    private static final String V1 = record(field("id", "string"));
    private static final String WITH_DEFAULT = record(field("id", "string"), fieldWithDefault("unit", "string", "\"?\""));
    private static final String WITHOUT_DEFAULT = record(field("id", "string"), field("unit", "string"));
    private static final String EMPTY = record();

    @Test
    void backwardAcceptsANewFieldWithADefaultAndRejectsOneWithout() {
        assertCompatible(BACKWARD, WITH_DEFAULT, V1);
        List<String> problems = check(BACKWARD, WITHOUT_DEFAULT, V1);
        assertEquals(List.of(
                "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'unit' at path '/fields/1' in the new schema "
                        + "has no default value and is missing in the old schema', additionalInfo:'unit'}",
                "{oldSchemaVersion: 1}",
                "{compatibility: 'BACKWARD'}"), problems);
    }

    @Test
    void backwardAcceptsRemovingAFieldButForwardDoesNotUnlessItHadADefault() {
        assertCompatible(BACKWARD, EMPTY, V1);
        assertIncompatible(FORWARD, EMPTY, V1, "READER_FIELD_MISSING_DEFAULT_VALUE", "in the old schema has no default value and is missing in the new schema");
        assertCompatible(FORWARD, V1, WITH_DEFAULT);
    }

    @Test
    void forwardAcceptsANewFieldWithoutDefaultBecauseOldReadersIgnoreIt() {
        assertCompatible(FORWARD, WITHOUT_DEFAULT, V1);
        assertIncompatible(FULL, WITHOUT_DEFAULT, V1, "READER_FIELD_MISSING_DEFAULT_VALUE", "'unit'");
        assertCompatible(FULL, WITH_DEFAULT, V1);
    }

    @Test
    void typeChangesFollowAvroPromotionRules() {
        String asInt = record(field("n", "int"));
        String asLong = record(field("n", "long"));
        assertCompatible(BACKWARD, asLong, asInt); // a long reader reads ints
        assertIncompatible(FORWARD, asLong, asInt, "TYPE_MISMATCH", "path '/fields/0/type'");
    }

    @Test
    void removingAnEnumSymbolBreaksReadersOfOldData() {
        assertIncompatible(BACKWARD, record(enumField("kind", "A")), record(enumField("kind", "A", "B")), "MISSING_ENUM_SYMBOLS", "[B]");
    }

    @Test
    void renamingTheRecordIsANameMismatch() {
        assertIncompatible(BACKWARD, V1.replace("\"Incident\"", "\"Report\""), V1, "NAME_MISMATCH", "name of the schema has changed");
    }

    @Test
    void transitiveLevelsCheckEveryVersionTheOthersOnlyTheLatest() {
        // v1 has an int, v2 drops it, v3 brings it back as a string: fine after v2, unreadable for v1's data.
        Schema v1 = parse(record(field("n", "int")));
        Schema v2 = parse(EMPTY);
        Schema v3 = parse(record(fieldWithDefault("n", "string", "\"\"")));
        List<PreviousVersion> history = List.of(new PreviousVersion(1, v1), new PreviousVersion(2, v2));

        assertTrue(CompatibilityChecker.check(BACKWARD, v3, history).isEmpty());
        List<String> transitive = CompatibilityChecker.check(BACKWARD_TRANSITIVE, v3, history);
        assertTrue(transitive.get(0).contains("TYPE_MISMATCH"), transitive.toString());
        assertTrue(transitive.contains("{oldSchemaVersion: 1}"), transitive.toString());
        assertTrue(!transitive.contains("{oldSchemaVersion: 2}"), transitive.toString());
        assertEquals("{compatibility: 'BACKWARD_TRANSITIVE'}", transitive.get(transitive.size() - 1));
    }

    @Test
    void forwardAndFullTransitiveAlsoLookAtEveryVersion() {
        Schema v1 = parse(record(field("n", "int")));
        Schema v2 = parse(record(fieldWithDefault("n", "int", "0")));
        Schema v3 = parse(EMPTY); // v2's readers have a default for n; v1's do not
        List<PreviousVersion> history = List.of(new PreviousVersion(1, v1), new PreviousVersion(2, v2));
        assertTrue(CompatibilityChecker.check(FORWARD, v3, history).isEmpty());
        assertTrue(CompatibilityChecker.check(FULL, v3, history).isEmpty());
        assertTrue(!CompatibilityChecker.check(FORWARD_TRANSITIVE, v3, history).isEmpty());
        assertTrue(!CompatibilityChecker.check(FULL_TRANSITIVE, v3, history).isEmpty());
    }

    @Test
    void noneAcceptsAnythingAndTheFirstVersionHasNothingToBreak() {
        assertCompatible(NONE, record(field("x", "boolean")), V1);
        assertTrue(CompatibilityChecker.check(FULL_TRANSITIVE, parse(WITHOUT_DEFAULT), List.of()).isEmpty());
    }

    private static void assertCompatible(CompatibilityLevel level, String candidate, String previous) {
        List<String> problems = check(level, candidate, previous);
        assertTrue(problems.isEmpty(), problems::toString);
    }

    private static void assertIncompatible(CompatibilityLevel level, String candidate, String previous, String errorType, String detail) {
        List<String> problems = check(level, candidate, previous);
        assertTrue(problems.get(0).startsWith("{errorType:'" + errorType + "'"), problems::toString);
        assertTrue(problems.get(0).contains(detail), problems::toString);
    }

    private static List<String> check(CompatibilityLevel level, String candidate, String previous) {
        return CompatibilityChecker.check(level, parse(candidate), List.of(new PreviousVersion(1, parse(previous))));
    }

    private static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }
}
