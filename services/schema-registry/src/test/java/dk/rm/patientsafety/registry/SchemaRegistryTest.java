package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.serde.CompatibilityLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dk.rm.patientsafety.registry.AvroTestSchemas.field;
import static dk.rm.patientsafety.registry.AvroTestSchemas.fieldWithDefault;
import static dk.rm.patientsafety.registry.AvroTestSchemas.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry's rules on their own; the log is an in-memory list applied straight to the state. */
class SchemaRegistryTest {

    private static final String V1 = record(field("id", "string"));
    private static final String V2 = record(field("id", "string"), fieldWithDefault("unit", "string", "\"?\""));

    private final RegistryState state = new RegistryState();
    private final List<StoreRecord> log = new ArrayList<>();
    private final SchemaRegistry registry = new SchemaRegistry(state, record -> {
        synchronized (log) {
            log.add(record);
            state.apply(record);
        }
    }, new RegistrySettings());

    @Test
    void idsStartAtOneAndTheSameSchemaHasTheSameIdInEverySubject() {
        assertEquals(1, register("a-value", V1));
        assertEquals(2, register("a-value", V2));
        assertEquals(1, register("b-value", V1));
        assertEquals(List.of(1), registry.versions("b-value"));
        assertEquals(List.of("a-value", "b-value"), registry.subjects());
        assertEquals(3, log.size());
    }

    @Test
    void registeringAKnownSchemaAgainReturnsItsIdWithoutANewVersion() {
        register("a-value", V1);
        register("a-value", V2);
        assertEquals(1, register("a-value", V1));
        assertEquals(List.of(1, 2), registry.versions("a-value"));
        assertEquals(2, log.size());
    }

    @Test
    void schemasAreComparedInCanonicalForm() {
        int id = register("a-value", V1);
        String sameButFormatted = "{ \"namespace\": \"test\", \"type\": \"record\", \"name\": \"Incident\",\n"
                + "  \"fields\": [ { \"type\": \"string\", \"name\": \"id\" } ] }";
        assertEquals(id, register("a-value", sameButFormatted));
        String differentDoc = V1.replace("\"fields\"", "\"doc\":\"now documented\",\"fields\"");
        assertNotEquals(id, register("a-value", differentDoc)); // as in Confluent's registry: docs are part of the schema
        assertEquals(V1, registry.schemaById(id));
    }

    @Test
    void anIncompatibleSchemaIsRefusedAndNothingIsStored() {
        register("a-value", V1);
        RegistryException e = assertThrows(RegistryException.class,
                () -> register("a-value", record(field("id", "string"), field("unit", "string"))));
        assertEquals(409, e.errorCode());
        assertTrue(e.getMessage().startsWith("Schema being registered is incompatible with an earlier schema for subject \"a-value\""), e.getMessage());
        assertTrue(e.getMessage().contains("READER_FIELD_MISSING_DEFAULT_VALUE"), e.getMessage());
        assertEquals(1, log.size());
        assertEquals(2, state.nextId());
    }

    @Test
    void aSubjectLevelOverridesTheGlobalOneWhichDefaultsToBackward() {
        assertEquals(CompatibilityLevel.BACKWARD, registry.globalLevel());
        registry.setLevel("a-value", "none");
        register("a-value", V1);
        assertEquals(2, register("a-value", record(field("totally", "int"))));
        assertEquals(CompatibilityLevel.NONE, registry.effectiveLevel("a-value"));
        assertEquals(CompatibilityLevel.BACKWARD, registry.effectiveLevel("b-value"));
        registry.setLevel(null, "FULL");
        assertEquals(CompatibilityLevel.FULL, registry.effectiveLevel("b-value"));
        assertEquals(CompatibilityLevel.NONE, registry.deleteSubjectLevel("a-value"));
        assertEquals(CompatibilityLevel.FULL, registry.effectiveLevel("a-value"));
    }

    @Test
    void anUnchangedLevelIsNotWrittenAgain() {
        registry.setLevel("a-value", "FULL");
        registry.setLevel("a-value", "full");
        assertEquals(1, log.size());
    }

    @Test
    void lookUpsAndReadsAnswerWithConfluentsErrorCodes() {
        register("a-value", V1);
        assertEquals(new SchemaRegistry.RegisteredVersion("a-value", 1, 1, V1), registry.lookUp("a-value", AvroSchemas.parse(V1)));
        assertCode(40401, () -> registry.lookUp("nope", AvroSchemas.parse(V1)));
        assertCode(40403, () -> registry.lookUp("a-value", AvroSchemas.parse(V2)));
        assertCode(40403, () -> registry.schemaById(42));
        assertCode(40401, () -> registry.versions("nope"));
        assertCode(40402, () -> registry.version("a-value", "2"));
        assertCode(42202, () -> registry.version("a-value", "0"));
        assertCode(42202, () -> registry.version("a-value", "two"));
        assertCode(42203, () -> registry.setLevel(null, "SIDEWAYS"));
        assertCode(42203, () -> registry.setLevel(null, null));
        assertCode(40401, () -> registry.deleteSubjectLevel("a-value"));
        assertEquals(1, registry.version("a-value", "latest").version());
        assertEquals(1, registry.version("a-value", "-1").version());
    }

    @Test
    void compatibilityCanBeTestedAgainstOneVersionOrTheLatest() {
        registry.setLevel("a-value", "NONE");
        register("a-value", V1);
        register("a-value", record(field("other", "int")));
        registry.setLevel("a-value", "BACKWARD");
        assertTrue(registry.testCompatibility("a-value", "1", AvroSchemas.parse(V2)).isEmpty());
        assertTrue(!registry.testCompatibility("a-value", "latest", AvroSchemas.parse(V2)).isEmpty());
        assertCode(40402, () -> registry.testCompatibility("a-value", "3", AvroSchemas.parse(V2)));
        assertCode(40401, () -> registry.testCompatibility("nope", "latest", AvroSchemas.parse(V2)));
    }

    @Test
    void concurrentRegistrationsNeverShareAnIdOrAVersion() throws Exception {
        registry.setLevel(null, "NONE");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> registrations = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String schema = record(field("f" + i, "int"));
                registrations.add(() -> register("subject-" + (schema.hashCode() % 3 + 3) % 3, schema));
            }
            Set<Integer> ids = ConcurrentHashMap.newKeySet();
            for (Future<Integer> id : pool.invokeAll(registrations)) {
                assertTrue(ids.add(id.get()), "duplicate id " + id.get());
            }
            assertEquals(40, ids.size());
            int versions = registry.subjects().stream().mapToInt(s -> registry.versions(s).size()).sum();
            assertEquals(40, versions);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private int register(String subject, String schema) {
        return registry.register(subject, AvroSchemas.parse(schema));
    }

    private static void assertCode(int code, Executable call) {
        assertEquals(code, assertThrows(RegistryException.class, call).errorCode());
    }
}
