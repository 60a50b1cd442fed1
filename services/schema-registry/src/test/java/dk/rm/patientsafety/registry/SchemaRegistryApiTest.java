package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.kafka.KafkaAccounts;
import dk.rm.patientsafety.topics.KafkaPrincipals;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rm.patientsafety.kafka.EmbeddedKafkaBroker;
import dk.rm.patientsafety.registry.RegistryHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static dk.rm.patientsafety.registry.AvroTestSchemas.field;
import static dk.rm.patientsafety.registry.AvroTestSchemas.fieldWithDefault;
import static dk.rm.patientsafety.registry.AvroTestSchemas.record;
import static dk.rm.patientsafety.registry.RegistryHttp.compatibilityBody;
import static dk.rm.patientsafety.registry.RegistryHttp.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint and error code over real HTTP, against a registry storing in a real (embedded) Kafka broker.
 * The tests share one broker and registry; each uses its own subjects, except the two that must run first
 * (ids start at 1) and last (restart).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaRegistryApiTest {

    /** In every schema's doc, to prove no log line at INFO or above carries a schema. */
    private static final String PAYLOAD_MARKER = "payload-marker-7f3a";

    private EmbeddedKafkaBroker broker;
    private SchemaRegistryServer server;
    private RegistryHttp http;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    void start() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        logs.start();
        broker = EmbeddedKafkaBroker.startEphemeral();
        server = SignedIn.registry(broker);
        http = new RegistryHttp(server.url());
    }

    @AfterAll
    void stop() {
        try {
            server.close();
            broker.close();
        } finally {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        }
        List<String> leaks = logs.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                .map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.contains(PAYLOAD_MARKER))
                .toList();
        assertEquals(List.of(), leaks, "log lines at INFO or above must not contain schemas");
    }

    /** Reads for every signed-in caller, writes for registry administrators and the platform's services, nothing without a token. */
    @Test
    void onlyRegistryAdministratorsAndThePlatformsServicesWriteAndOnlySignedInCallersRead() {
        String schema = schemaBody(schema(field("id", "string")));
        RegistryHttp anonymous = new RegistryHttp(server.url(), null);
        assertEquals(200, anonymous.get("/").status(), "the liveness root answers anyone, with no data");
        for (RegistryHttp.Response refused : List.of(anonymous.get("/subjects"), anonymous.get("/config"), anonymous.get("/schemas/ids/1"),
                anonymous.post("/subjects/guarded-value/versions", schema), anonymous.put("/config", compatibilityBody("NONE")),
                new RegistryHttp(server.url(), "not.a.token").get("/subjects"))) {
            assertEquals(401, refused.status(), refused::toString);
        }
        for (String account : List.of("downstream", "reporter", "rm-auh")) {
            RegistryHttp reader = new RegistryHttp(server.url(), SignedIn.token(account));
            assertEquals(200, reader.get("/subjects").status(), account + " reads");
            assertEquals(200, reader.get("/config").status(), account + " reads");
            for (RegistryHttp.Response refused : List.of(reader.post("/subjects/guarded-value/versions", schema),
                    reader.put("/config", compatibilityBody("NONE")), reader.put("/config/guarded-value", compatibilityBody("NONE")),
                    reader.delete("/config/guarded-value"))) {
                assertEquals(403, refused.status(), account + ": " + refused);
            }
        }
        assertFalse(new RegistryHttp(server.url()).get("/subjects").json().toString().contains("guarded-value"), "no refused write left a subject");
        assertEquals(200, new RegistryHttp(server.url(), SignedIn.services().current()).post("/subjects/guarded-value/versions", schema).status(),
                "the platform's services register their schemas");
        assertEquals(200, new RegistryHttp(server.url()).put("/config/guarded-value", compatibilityBody("FULL")).status(),
                "the registry administrator changes settings");
    }

    @Test
    @Order(1)
    void idsStartAtOneAndTheSameSchemaHasTheSameIdInEverySubject() {
        String schema = schema(field("id", "string"));
        assertEquals(1, register("first-value", schema).json().get("id").asInt());
        assertEquals(1, register("second-value", schema).json().get("id").asInt());
        assertEquals(1, register("first-value", schema).json().get("id").asInt()); // again: no new version
        assertEquals("[1]", http.get("/subjects/first-value/versions").json().toString());
        assertEquals("[{\"subject\":\"first-value\",\"version\":1},{\"subject\":\"second-value\",\"version\":1}]",
                http.get("/schemas/ids/1/versions").json().toString());
        assertEquals("[\"first-value\",\"second-value\"]", http.get("/schemas/ids/1/subjects").json().toString());
        assertEquals(2, register("first-value", schema(field("id", "string"), fieldWithDefault("n", "int", "0"))).json().get("id").asInt());
    }

    @Test
    void answersInConfluentsMediaTypeAndAcceptsJsonAndOctetStream() {
        Response root = http.get("/");
        assertEquals(200, root.status());
        assertEquals(RegistryHttp.MEDIA_TYPE, root.contentType());
        assertEquals("{}", root.json().toString());
        assertEquals("[\"AVRO\"]", http.get("/schemas/types").json().toString());
        assertEquals(RegistryHttp.MEDIA_TYPE, http.get("/subjects", RegistryHttp.MEDIA_TYPE).contentType());
        assertEquals(RegistryHttp.MEDIA_TYPE, http.get("/subjects", "*/*").contentType());
        // Confluent's Python client asks for all three; tools that ask for plain JSON get it, as from Confluent.
        assertEquals(RegistryHttp.MEDIA_TYPE, http.get("/subjects",
                "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json, application/json").contentType());
        assertEquals("application/json", http.get("/subjects", "application/json").contentType());

        String body = schemaBody(schema(field("media", "string")));
        assertEquals(200, http.send("POST", "/subjects/media-json-value/versions", "application/json", body).status());
        assertEquals(200, http.send("POST", "/subjects/media-octet-value/versions", "application/octet-stream", body).status());
        assertError(415, 415, http.send("POST", "/subjects/media-text-value/versions", "text/plain", body));
        assertError(404, 404, http.get("/no/such/path"));
        assertError(405, 405, http.delete("/schemas/types"));
        Response malformed = http.post("/subjects/media-json-value/versions", "{\"schema\": ");
        assertError(400, 400, malformed);
        assertEquals(RegistryHttp.MEDIA_TYPE, malformed.contentType());
    }

    @Test
    void registersAndReadsSubjectVersions() {
        String v1 = schema(field("id", "string"));
        String v2 = schema(field("id", "string"), fieldWithDefault("unit", "string", "\"\""));
        int id1 = register("versions-value", v1).json().get("id").asInt();
        int id2 = register("versions-value", v2).json().get("id").asInt();

        assertTrue(contains(http.get("/subjects").json(), "versions-value"));
        assertEquals("[1,2]", http.get("/subjects/versions-value/versions").json().toString());
        assertVersion(http.get("/subjects/versions-value/versions/1"), "versions-value", 1, id1, v1);
        assertVersion(http.get("/subjects/versions-value/versions/latest"), "versions-value", 2, id2, v2);
        assertVersion(http.get("/subjects/versions-value/versions/-1"), "versions-value", 2, id2, v2);

        assertError(404, 40401, http.get("/subjects/no-such-value/versions"));
        assertError(404, 40401, http.get("/subjects/no-such-value/versions/latest"));
        assertError(404, 40402, http.get("/subjects/versions-value/versions/3"));
        assertError(422, 42202, http.get("/subjects/versions-value/versions/0"));
        assertError(422, 42202, http.get("/subjects/versions-value/versions/first"));
    }

    @Test
    void looksUpSchemasUnderSubjectsAndById() {
        String schema = schema(field("lookup", "string"));
        int id = register("lookup-value", schema).json().get("id").asInt();
        String reformatted = schema.replace(",", ",\n  ").replace(":", " : ");

        assertVersion(http.post("/subjects/lookup-value", schemaBody(reformatted)), "lookup-value", 1, id, schema);
        assertError(404, 40401, http.post("/subjects/no-such-value", schemaBody(schema)));
        assertError(404, 40403, http.post("/subjects/lookup-value", schemaBody(schema(field("other", "string")))));

        Response byId = http.get("/schemas/ids/" + id);
        assertEquals(200, byId.status());
        assertEquals(schema, byId.json().get("schema").asText());
        assertError(404, 40403, http.get("/schemas/ids/424242"));
        assertError(404, 40403, http.get("/schemas/ids/424242/versions"));
    }

    @Test
    void refusesInvalidSchemasAndSchemaTypesOtherThanAvro() {
        String valid = schema(field("id", "string"));
        assertError(422, 42201, http.post("/subjects/invalid-value/versions", schemaBody("{\"type\": \"record\", \"name\": ")));
        assertError(422, 42201, http.post("/subjects/invalid-value/versions", schemaBody("{\"type\": \"nope\"}")));
        assertError(422, 42201, http.post("/subjects/invalid-value/versions", "{}"));
        assertError(422, 42201, http.post("/subjects/invalid-value/versions",
                "{\"schema\": \"" + valid.replace("\"", "\\\"") + "\", \"references\": [{\"name\":\"x\",\"subject\":\"y\",\"version\":1}]}"));
        Response protobuf = http.post("/subjects/invalid-value/versions", "{\"schema\": \"syntax = \\\"proto3\\\";\", \"schemaType\": \"PROTOBUF\"}");
        assertError(422, 42201, protobuf);
        assertTrue(protobuf.json().get("message").asText().contains("only AVRO is supported"), protobuf.toString());
        assertError(422, 42201, http.post("/subjects/invalid-value", "{\"schema\": \"{}\", \"schemaType\": \"JSON\"}"));
        assertError(404, 40401, http.get("/subjects/invalid-value/versions")); // nothing was registered

        String explicitAvro = "{\"schema\": \"" + valid.replace("\"", "\\\"") + "\", \"schemaType\": \"AVRO\", \"references\": []}";
        assertEquals(200, http.post("/subjects/invalid-value/versions", explicitAvro).status());
    }

    @Test
    void evolvesUnderBackwardTransitive() {
        String subject = "/subjects/evolution-value";
        assertEquals("{\"compatibility\":\"BACKWARD_TRANSITIVE\"}",
                http.put("/config/evolution-value", compatibilityBody("BACKWARD_TRANSITIVE")).json().toString());
        String v1 = schema(field("id", "string"), field("headline", "string"));
        String v2 = schema(field("id", "string"), field("headline", "string"), fieldWithDefault("severity", "int", "0"));
        String withoutDefault = schema(field("id", "string"), field("headline", "string"), fieldWithDefault("severity", "int", "0"),
                field("unit", "string"));
        String v3 = schema(field("id", "string"), fieldWithDefault("severity", "int", "0")); // headline removed
        String headlineAsInt = schema(field("id", "string"), fieldWithDefault("severity", "int", "0"), fieldWithDefault("headline", "int", "0"));

        assertEquals(200, register("evolution-value", v1).status());
        assertEquals(200, register("evolution-value", v2).status()); // a new field with a default: old data still readable

        Response missingDefault = register("evolution-value", withoutDefault);
        assertError(409, 409, missingDefault);
        String message = missingDefault.json().get("message").asText();
        assertTrue(message.contains("incompatible with an earlier schema for subject \"evolution-value\""), message);
        assertTrue(message.contains("READER_FIELD_MISSING_DEFAULT_VALUE") && message.contains("'unit'"), message);

        assertEquals(200, register("evolution-value", v3).status()); // removing a field: the new reader ignores it

        // Bringing "headline" back as an int is fine against v3 (which lacks it) but not against v1 and v2.
        Response latest = http.post("/compatibility" + subject + "/versions/latest?verbose=true", schemaBody(headlineAsInt));
        assertFalse(latest.json().get("is_compatible").asBoolean());
        assertTrue(latest.json().get("messages").toString().contains("TYPE_MISMATCH"), latest.toString());
        assertEquals("{\"is_compatible\":true}", http.post("/compatibility" + subject + "/versions/3", schemaBody(headlineAsInt)).json().toString());
        assertEquals("{\"is_compatible\":false}", http.post("/compatibility" + subject + "/versions/1", schemaBody(headlineAsInt)).json().toString());
        assertEquals("{\"is_compatible\":false}", http.post("/compatibility" + subject + "/versions", schemaBody(headlineAsInt)).json().toString());
        assertEquals("{\"is_compatible\":true,\"messages\":[]}",
                http.post("/compatibility" + subject + "/versions/latest?verbose=true", schemaBody(v3)).json().toString());
        assertError(409, 409, register("evolution-value", headlineAsInt));

        assertError(404, 40401, http.post("/compatibility/subjects/no-such-value/versions/latest", schemaBody(v1)));
        assertError(404, 40402, http.post("/compatibility" + subject + "/versions/9", schemaBody(v1)));
        assertError(422, 42202, http.post("/compatibility" + subject + "/versions/nine", schemaBody(v1)));
        assertError(422, 42201, http.post("/compatibility" + subject + "/versions/latest", schemaBody("not a schema")));

        assertEquals("[1,2,3]", http.get(subject + "/versions").json().toString());
        http.put("/config/evolution-value", compatibilityBody("NONE"));
        assertEquals(200, register("evolution-value", headlineAsInt).status());
        assertEquals("[1,2,3,4]", http.get(subject + "/versions").json().toString());
    }

    @Test
    void readsAndChangesCompatibilityLevels() {
        try {
            assertEquals("{\"compatibilityLevel\":\"BACKWARD\"}", http.get("/config").json().toString());
            assertEquals("{\"compatibility\":\"FULL\"}", http.put("/config", compatibilityBody("FULL")).json().toString());
            assertEquals("{\"compatibilityLevel\":\"FULL\"}", http.get("/config").json().toString());
            assertError(422, 42203, http.put("/config", compatibilityBody("SIDEWAYS")));
            assertError(422, 42203, http.put("/config", "{}"));

            assertError(404, 40408, http.get("/config/levels-value"));
            assertEquals("{\"compatibilityLevel\":\"FULL\"}", http.get("/config/levels-value?defaultToGlobal=true").json().toString());
            assertEquals("{\"compatibility\":\"FORWARD\"}", http.put("/config/levels-value", compatibilityBody("forward")).json().toString());
            assertEquals("{\"compatibilityLevel\":\"FORWARD\"}", http.get("/config/levels-value").json().toString());
            assertError(422, 42203, http.put("/config/levels-value", compatibilityBody("BACKWARDS")));

            // The subject's level decides: FORWARD accepts a new field without a default, FULL would not.
            register("levels-value", schema(field("id", "string")));
            assertEquals(200, register("levels-value", schema(field("id", "string"), field("extra", "string"))).status());

            assertEquals("{\"compatibilityLevel\":\"FORWARD\"}", http.delete("/config/levels-value").json().toString());
            assertError(404, 40408, http.get("/config/levels-value"));
            assertError(404, 40401, http.delete("/config/levels-value"));
        } finally {
            http.put("/config", compatibilityBody("BACKWARD"));
        }
    }

    @Test
    void concurrentRegistrationsGetDistinctIdsAndVersions() throws Exception {
        http.put("/config/concurrent-value", compatibilityBody("NONE"));
        String shared = schema(field("sharedEverywhere", "string"));
        List<Callable<Integer>> calls = new ArrayList<>();
        IntStream.range(0, 16).forEach(i -> calls.add(() -> register("concurrent-value", schema(field("f" + i, "long"))).json().get("id").asInt()));
        IntStream.range(0, 6).forEach(i -> calls.add(() -> register("concurrent-shared-" + i + "-value", shared).json().get("id").asInt()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> ids = new ArrayList<>();
        try {
            for (Future<Integer> id : pool.invokeAll(calls)) {
                ids.add(id.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(16, new HashSet<>(ids.subList(0, 16)).size(), ids::toString);
        assertEquals(1, new HashSet<>(ids.subList(16, 22)).size(), ids::toString);
        assertFalse(ids.subList(0, 16).contains(ids.get(16)), ids::toString);
        assertEquals(IntStream.rangeClosed(1, 16).boxed().toList().toString().replace(" ", ""),
                http.get("/subjects/concurrent-value/versions").json().toString());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aRestartedRegistryKeepsIdsVersionsAndConfig() {
        http.put("/config", compatibilityBody("FORWARD_TRANSITIVE"));
        http.put("/config/restart-value", compatibilityBody("FULL"));
        register("restart-value", schema(field("id", "string")));
        register("restart-value", schema(field("id", "string"), fieldWithDefault("n", "int", "1")));
        Map<String, String> before = snapshot();
        int nextId = before.keySet().stream().filter(key -> key.startsWith("/schemas/ids/")).mapToInt(key -> Integer.parseInt(key.substring(13))).max().orElseThrow() + 1;

        server.close();
        server = SignedIn.registry(broker);
        http = new RegistryHttp(server.url());
        assertTrue(server.context().containsBean(SubjectsController.class));

        assertEquals(before, snapshot());
        assertEquals("{\"compatibilityLevel\":\"FORWARD_TRANSITIVE\"}", http.get("/config").json().toString());
        assertEquals("{\"compatibilityLevel\":\"FULL\"}", http.get("/config/restart-value").json().toString());
        // New schemas continue the id sequence instead of reusing ids.
        assertEquals(nextId, register("restart-value", schema(field("id", "string"), fieldWithDefault("n", "int", "1"),
                fieldWithDefault("m", "int", "2"))).json().get("id").asInt());
    }

    /** Everything the registry serves for its subjects and ids, by path. */
    private Map<String, String> snapshot() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("/config", http.get("/config").json().toString());
        Set<Integer> ids = new HashSet<>();
        for (JsonNode subject : http.get("/subjects").json()) {
            String path = "/subjects/" + subject.asText();
            answers.put(path + "/versions", http.get(path + "/versions").json().toString());
            answers.put("/config/" + subject.asText(), http.get("/config/" + subject.asText()).toString());
            for (JsonNode version : http.get(path + "/versions").json()) {
                JsonNode answer = http.get(path + "/versions/" + version.asInt()).json();
                answers.put(path + "/versions/" + version.asInt(), answer.toString());
                ids.add(answer.get("id").asInt());
            }
        }
        ids.forEach(id -> answers.put("/schemas/ids/" + id, http.get("/schemas/ids/" + id).json().toString()));
        return answers;
    }

    private Response register(String subject, String schema) {
        return http.post("/subjects/" + subject + "/versions", schemaBody(schema));
    }

    /** A test record schema whose doc carries the marker the log check looks for. */
    private static String schema(String... fields) {
        return record(fields).replace("\"fields\"", "\"doc\":\"" + PAYLOAD_MARKER + "\",\"fields\"");
    }

    private static void assertVersion(Response response, String subject, int version, int id, String schema) {
        assertEquals(200, response.status(), response::toString);
        assertEquals(subject, response.json().get("subject").asText());
        assertEquals(version, response.json().get("version").asInt());
        assertEquals(id, response.json().get("id").asInt());
        assertEquals(schema, response.json().get("schema").asText());
    }

    private static void assertError(int status, int errorCode, Response response) {
        assertEquals(status, response.status(), response::toString);
        assertEquals(errorCode, response.errorCode(), response::toString);
        assertTrue(response.json().get("message").isTextual(), response::toString);
        assertEquals(RegistryHttp.MEDIA_TYPE, response.contentType());
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (element.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
