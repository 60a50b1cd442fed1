package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.kafka.Secrets;
import dk.rm.patientsafety.topics.KafkaLogin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import dk.rm.patientsafety.kafka.KafkaAccounts;
import dk.rm.patientsafety.topics.KafkaPrincipals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.InvolvedLocation;
import dk.rm.patientsafety.events.LocationRole;
import dk.rm.patientsafety.events.Medicine;
import dk.rm.patientsafety.events.ReporterType;
import dk.rm.patientsafety.kafka.EmbeddedKafkaBroker;
import dk.rm.patientsafety.serde.AvroDeserializer;
import dk.rm.patientsafety.serde.AvroSerde;
import dk.rm.patientsafety.serde.RestSchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Interoperability with Confluent's Python client (Debian's python3-confluent-kafka 1.7.0): its SchemaRegistryClient
 * against our registry, and Avro records both ways through a real topic on a broker secured as the platform's is (SASL
 * SCRAM-SHA-512 and ACLs), framed by Confluent's Python serializer on one side and by our Java serde on the other. Runs
 * src/test/python/interop.py. Debian's librdkafka 2.0.2 cannot sign in to Kafka 4 with SCRAM (fixed in 2.6.1), so the
 * script runs on the librdkafka that {@code .ci/build-librdkafka} builds ({@code LIBRDKAFKA_DIR}, by default in
 * ~/.cache/patient-safety). Skipped where the Python packages or that library are missing, unless CI is set.
 */
class PythonInteropIT {

    /** Debian's interpreter, which has the Debian packages; a pyenv python3 earlier on PATH would not. */
    private static final String PYTHON = "/usr/bin/python3";
    private static final Path SCRIPT = Path.of("src/test/python/interop.py");
    private static final String TO_JAVA = "interop.python-to-java";
    private static final String FROM_JAVA = "interop.java-to-python";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void confluentsPythonClientWorksWithOurRegistryAndOurWireFormat() throws Exception {
        requirePythonPackages();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral();
             SchemaRegistryServer registry = SignedIn.registry(broker)) {
            KafkaLogin python = createTopicsAndAccount(broker);
            IncidentReported fromJava = Incidents.sample("java-report-1");
            int javaSchemaId = produceFromJava(broker.adminLogin(), registry.url(), fromJava);

            JsonNode result = runScript(python, registry.url());

            assertRegistryCalls(result.get("registry"), registry.url());
            assertPythonDecoded(result.get("consumed"), fromJava, javaSchemaId);
            IncidentReported fromPython = consumeInJava(broker.adminLogin(), registry.url());
            assertPythonRecord(fromPython);
            // Python registered its own rendering of IncidentReported; it is the same schema, so it has the same id.
            assertEquals(javaSchemaId, result.get("produced").get("schema_id").asInt());
        }
    }

    private static void assertRegistryCalls(JsonNode calls, String registryUrl) {
        assertEquals("{\"compatibility\":\"BACKWARD_TRANSITIVE\"}", calls.get("set_compatibility").toString());
        assertEquals("BACKWARD_TRANSITIVE", calls.get("get_compatibility").asText());
        assertEquals("BACKWARD", calls.get("global_compatibility").asText());
        int v1 = calls.get("id_v1").asInt();
        int v2 = calls.get("id_v2").asInt();
        assertEquals(v1, calls.get("id_v1_again").asInt());
        assertTrue(v2 > v1, calls::toString);
        assertTrue(calls.get("v2_compatible").asBoolean());
        assertEquals(false, calls.get("v3_compatible").asBoolean());
        assertEquals(false, calls.get("v3_compatible_with_v1").asBoolean());
        assertEquals("{\"http\":409,\"code\":409}", calls.get("register_v3_error").toString());
        assertEquals("{\"id\":" + v1 + ",\"version\":1,\"subject\":\"python-interop-value\"}", calls.get("lookup_v1").toString());
        assertEquals("PyInterop", calls.get("get_schema_v1").get("name").asText());
        assertEquals("{\"id\":" + v2 + ",\"version\":2}", calls.get("latest").toString());
        assertEquals("{\"id\":" + v1 + ",\"version\":1}", calls.get("version_1").toString());
        assertEquals("[1,2]", calls.get("versions").toString());
        assertTrue(calls.get("subjects").toString().contains("\"python-interop-value\""), calls::toString);
        assertTrue(calls.get("subjects").toString().contains("\"" + FROM_JAVA + "-value\""), calls::toString);
        assertEquals("{\"http\":404,\"code\":40403}", calls.get("unknown_id_error").toString());
        assertEquals("{\"http\":404,\"code\":40401}", calls.get("unknown_subject_error").toString());
        assertEquals("{\"http\":404,\"code\":40402}", calls.get("unknown_version_error").toString());
        assertEquals("{\"http\":404,\"code\":40403}", calls.get("lookup_unregistered_error").toString());
        assertEquals("{\"http\":422,\"code\":42201}", calls.get("invalid_schema_error").toString());
        assertEquals("{\"http\":422,\"code\":42203}", calls.get("invalid_level_error").toString());
        // What Python registered is what Java reads back.
        Schema v1Schema = new RestSchemaRegistryClient(registryUrl, SignedIn.services()).schemaById(v1);
        assertEquals("dk.rm.patientsafety.interop.PyInterop", v1Schema.getFullName());
    }

    /** Python decoded, with our registry's schema, the record our Java AvroSerializer framed. */
    private static void assertPythonDecoded(JsonNode consumed, IncidentReported sent, int javaSchemaId) {
        JsonNode value = consumed.get("value");
        assertEquals(sent.getReportId(), consumed.get("key").asText());
        assertEquals(javaSchemaId, consumed.get("schema_id").asInt());
        assertEquals(sent.getReportId(), value.get("reportId").asText());
        assertEquals(sent.getHeadline(), value.get("headline").asText());
        assertEquals(sent.getDescription(), value.get("description").asText());
        assertEquals(sent.getReceivedAt(), OffsetDateTime.parse(value.get("receivedAt").asText()).toInstant());
        assertEquals(sent.getEventDate(), LocalDate.parse(value.get("eventDate").asText()));
        assertEquals(sent.getEventTime(), LocalTime.parse(value.get("eventTime").asText()));
        assertEquals("[{\"sorCode\":\"1301011\",\"role\":\"HANDED_OVER\"}]", value.get("involvedLocations").toString());
        assertEquals("MINOR", value.get("actualConsequence").asText());
        assertEquals("FATAL", value.get("possibleConsequence").asText());
        assertEquals(sent.getMainGroup(), value.get("mainGroup").asText());
        assertEquals("B01AA03", value.get("medicines").get(0).get("atcCode").asText());
        assertEquals("2,5 mg", value.get("medicines").get(0).get("strength").asText());
        assertTrue(value.get("devices").get(0).get("model").isNull());
        assertEquals("HEALTH_PROFESSIONAL", value.get("reporterType").asText());
        assertEquals("pseudonym-4f1c", value.get("patientReference").asText());
        assertEquals(sent.getHistorical(), value.get("historical").asBoolean());
    }

    /** Our Java AvroDeserializer read what Confluent's Python serializer wrote (values as in interop.py). */
    private static void assertPythonRecord(IncidentReported read) {
        assertEquals("py-report-1", read.getReportId());
        assertEquals("python", read.getSource());
        assertEquals("PY-42", read.getSourceId());
        assertEquals(Instant.parse("2024-05-06T07:08:09.123Z"), read.getReceivedAt());
        assertEquals("Forveksling af patienter – æøå", read.getHeadline());
        assertEquals(LocalDate.of(2024, 5, 5), read.getEventDate());
        assertEquals(LocalTime.of(13, 45, 30), read.getEventTime());
        assertEquals("6620096", read.getIncidentLocation());
        assertEquals(List.of(new InvolvedLocation("123456", LocationRole.DISCOVERED)), read.getInvolvedLocations());
        assertEquals(Consequence.MINOR, read.getActualConsequence());
        assertEquals(Consequence.SERIOUS, read.getPossibleConsequence());
        assertEquals("Medicin", read.getMainGroup());
        assertEquals(List.of(Medicine.newBuilder().setTradeName("Panodil").setSubstance("paracetamol").setRoute(null)
                .setStrength("500 mg").setAtcCode("N02BE01").build()), read.getMedicines());
        assertEquals(List.of(), read.getDevices());
        assertEquals(ReporterType.HEALTH_PROFESSIONAL, read.getReporterType());
        assertNull(read.getPatientReference());
        assertTrue(read.getHistorical());
    }

    /** librdkafka 2.6.1, as librdkafka numbers its versions: the first that signs in to Kafka 4 with SCRAM. */
    private static final int SCRAM_FIXED = 0x020601ff;

    /** A Python process on the librdkafka that can sign in, where one was built. */
    private static ProcessBuilder python(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(PYTHON));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        Path library = Path.of(Optional.ofNullable(System.getenv("LIBRDKAFKA_DIR"))
                .orElse(System.getProperty("user.home") + "/.cache/patient-safety/librdkafka-2.15.1"));
        if (Files.isRegularFile(library.resolve("librdkafka.so.1"))) {
            builder.environment().put("LD_LIBRARY_PATH", library.toString());
        }
        return builder;
    }

    private static void requirePythonPackages() throws IOException, InterruptedException {
        Process probe = python("-c", "import sys, confluent_kafka, avro, requests; "
                + "sys.exit(0 if confluent_kafka.libversion()[1] >= " + SCRAM_FIXED + " else "
                + "'librdkafka ' + confluent_kafka.libversion()[0] + ' cannot sign in to Kafka 4 with SCRAM; run .ci/build-librdkafka')")
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean available = probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        if (!available && System.getenv("CI") != null) {
            fail("CI must have python3-confluent-kafka, python3-avro, python3-requests and .ci/build-librdkafka's library for "
                    + PYTHON + ": " + output);
        }
        Assumptions.assumeTrue(available, () -> "Skipped: " + PYTHON + " lacks confluent_kafka, avro or requests: " + output);
    }

    /** The two topics, and an account for Python that may write the one and read the other (in its own group). */
    private static KafkaLogin createTopicsAndAccount(EmbeddedKafkaBroker broker) throws Exception {
        String password = Secrets.random();
        try (Admin admin = Admin.create(broker.adminConfig())) {
            admin.createTopics(List.of(new NewTopic(TO_JAVA, 1, (short) 1), new NewTopic(FROM_JAVA, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("python",
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(List.of(allow(ResourceType.TOPIC, TO_JAVA, AclOperation.WRITE), allow(ResourceType.TOPIC, FROM_JAVA, AclOperation.READ),
                    allow(ResourceType.GROUP, "python-interop", AclOperation.READ))).all().get(30, TimeUnit.SECONDS);
        }
        return broker.login("python", password);
    }

    private static AclBinding allow(ResourceType type, String name, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry("User:python", "*", operation, AclPermissionType.ALLOW));
    }

    /** Writes with our Java serde (auto-registering, as a new producer would) and returns the schema id it framed. */
    private static int produceFromJava(KafkaLogin kafka, String registryUrl, IncidentReported record) throws Exception {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registryUrl, SignedIn.services());
        Serde<IncidentReported> serde = AvroSerde.of(IncidentReported.class, client, false, true);
        try (KafkaProducer<String, IncidentReported> producer = new KafkaProducer<>(
                with(kafka, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(FROM_JAVA, record.getReportId(), record)).get(30, TimeUnit.SECONDS);
        }
        return client.lookUpId(FROM_JAVA + "-value", IncidentReported.getClassSchema());
    }

    private JsonNode runScript(KafkaLogin kafka, String registryUrl) throws Exception {
        assertTrue(Files.isRegularFile(SCRIPT), () -> SCRIPT.toAbsolutePath() + " is missing");
        Path schemaFile = Files.writeString(work.resolve("IncidentReported.avsc"), IncidentReported.getClassSchema().toString());
        Path stderr = work.resolve("interop.stderr");
        ProcessBuilder builder = python(SCRIPT.toString(),
                "--bootstrap", kafka.bootstrapServers(), "--username", kafka.username(), "--registry", registryUrl,
                "--schema-file", schemaFile.toString(), "--to-java-topic", TO_JAVA, "--from-java-topic", FROM_JAVA)
                .redirectError(stderr.toFile());
        builder.environment().put("KAFKA_PASSWORD", kafka.password());
        builder.environment().put("REGISTRY_TOKEN", SignedIn.services().current());
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("interop.py did not finish within 120 s; stderr: " + Files.readString(stderr));
        }
        assertEquals(0, process.exitValue(), () -> "interop.py failed; stderr: " + read(stderr) + "\nstdout: " + stdout);
        return JSON.readTree(stdout);
    }

    private static IncidentReported consumeInJava(KafkaLogin kafka, String registryUrl) {
        AvroDeserializer<IncidentReported> deserializer = new AvroDeserializer<>(new RestSchemaRegistryClient(registryUrl, SignedIn.services()), IncidentReported.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(with(kafka,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(TO_JAVA, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    assertEquals("py-report-1", record.key());
                    return deserializer.deserialize(TO_JAVA, record.value());
                }
            }
        }
        throw new AssertionError("Nothing from Python on " + TO_JAVA);
    }

    private static Map<String, Object> with(KafkaLogin kafka, String key, Object value) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(key, value);
        return config;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
