package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.topics.KafkaPrincipals;
import dk.rm.patientsafety.testkit.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rm.patientsafety.alerting.SeriousIncidentRule;
import dk.rm.patientsafety.events.IncidentSubmission;
import dk.rm.patientsafety.events.MedicalDevice;
import dk.rm.patientsafety.events.Medicine;
import dk.rm.patientsafety.events.ReporterIdentity;
import dk.rm.patientsafety.testkit.CprGrammar;
import dk.rm.patientsafety.testkit.IndependentCprDetector;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CPR numbers generated from the grammar in every string field of a submission, on all three paths (single HTTP, NDJSON
 * batch, Kafka), then every topic downstream of intake (and their changelogs), the API answers and every log line of
 * the run scanned by the independent detector.
 */
class CprEverywhereIT extends PlatformIT {

    private static final int PER_PATH = 40;
    /** Report ids are UUIDs, whose digit groups can look like a CPR number; they are ours, so they are set aside first. */
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Topics that hold what was submitted, before intake: restricted, and the only places a CPR number may be. */
    private static final Set<String> BEFORE_INTAKE = Set.of(Topics.INCIDENTS_SUBMITTED.name(), Topics.INTAKE_DEAD_LETTERS.name());
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private static LogCapture logs;
    private final Random random = new Random(20261204);
    private final List<String> answers = new ArrayList<>();

    @BeforeAll
    static void captureLogs() {
        logs = LogCapture.attach();
    }

    @AfterAll
    static void releaseLogs() {
        logs.close();
    }

    @Test
    void noCprNumberWrittenInAnyFieldOnAnyPathLeavesIntake() throws Exception {
        Set<String> accepted = new HashSet<>();
        for (int i = 0; i < PER_PATH; i++) {
            HttpResponse<String> response = postJson("intake", "/api/v1/incidents", json("single-" + i).toString());
            answers.add(response.body());
            assertEquals(202, response.statusCode(), response.body());
            accepted.add(JSON.readTree(response.body()).get("reportId").asText());
        }
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < PER_PATH; i++) {
            ndjson.append(json("batch-" + i)).append('\n');
        }
        HttpResponse<String> batch = HTTP_BATCH(ndjson.toString());
        answers.add(batch.body());
        JSON.readTree(batch.body()).get("results").forEach(r -> accepted.add(r.get("reportId").asText()));
        assertEquals(2 * PER_PATH, accepted.size(), batch.body());
        try (KafkaProducer<String, IncidentSubmission> producer = new KafkaProducer<>(TestKafka.config(TestKafka.login(KafkaPrincipals.SOURCE_SYSTEM),
                "enable.idempotence", true), new StringSerializer(), Topics.INCIDENTS_SUBMITTED.valueSerde(registry).serializer())) {
            for (int i = 0; i < PER_PATH; i++) {
                producer.send(new ProducerRecord<>(Topics.INCIDENTS_SUBMITTED.name(), "k" + i, submission("kafka-" + i))).get();
            }
        }
        HttpResponse<String> unknownField = postJson("intake", "/api/v1/incidents",
                json("named").put(CprGrammar.number(random).text(), "x").toString());
        answers.add(unknownField.body());
        assertEquals(400, unknownField.statusCode());

        awaitAlerts(accepted);
        Map<String, Integer> scanned = new java.util.TreeMap<>();
        List<String> leaks = new ArrayList<>();
        scanTopics(scanned, leaks);
        answers.add(get("alerting", "/api/v1/alerts").body());
        answers.add(get("intake", "/api/v1/intake/counts").body());
        answers.forEach(answer -> check("answer", answer, leaks));
        logs.lines().forEach(line -> check("log", line, leaks));
        assertTrue(scanned.getOrDefault(Topics.INCIDENTS_CLASSIFIED.name(), 0) >= 3 * PER_PATH, scanned::toString);
        assertTrue(scanned.keySet().stream().anyMatch(t -> t.endsWith("-changelog")), "changelogs scanned: " + scanned);
        assertEquals(List.of(), leaks.stream().limit(10).toList(), leaks.size() + " leaks; scanned " + scanned);
    }

    private ObjectNode json(String id) {
        ObjectNode json = JSON.createObjectNode()
                .put("source", "cpr-it " + cpr()).put("sourceId", RUN + "-" + id + "-" + cpr())
                .put("headline", "Forkert patient " + cpr()).put("description", "Pt. " + cpr() + "\nforvekslet med " + cpr())
                .put("eventDate", "2026-11-20").put("eventTime", "08:30").put("incidentLocation", "1309011000000")
                .put("actualConsequence", "SERIOUS").put("possibleConsequence", "FATAL").put("reporterType", "HEALTH_PROFESSIONAL")
                .put("mainGroup", "Medicin " + cpr()).put("patientCpr", CprGrammar.number(random).text());
        json.putArray("medicines").addObject().put("tradeName", "Marevan " + cpr()).put("substance", cpr())
                .put("route", "oral " + cpr()).put("strength", cpr() + " mg");
        json.putArray("devices").addObject().put("type", "pumpe " + cpr()).put("tradeName", cpr()).put("model", cpr());
        json.putObject("reporter").put("name", "Anne " + cpr()).put("email", cpr() + "@rm.dk").put("phone", cpr())
                .put("profession", "spl. " + cpr());
        return json;
    }

    private IncidentSubmission submission(String id) {
        return IncidentSubmission.newBuilder()
                .setSource("cpr-it " + cpr()).setSourceId(RUN + "-" + id + "-" + cpr())
                .setHeadline("Forkert patient " + cpr()).setDescription("Pt. " + cpr() + " forvekslet med " + cpr())
                .setEventDate("2026-11-19").setIncidentLocation("1309021000000").setMainGroup("Medicin " + cpr())
                .setActualConsequence("SERIOUS").setPossibleConsequence("FATAL").setReporterType("HEALTH_PROFESSIONAL")
                .setPatientCpr(CprGrammar.number(random).text())
                .setMedicines(List.of(new Medicine("Marevan " + cpr(), cpr(), cpr(), cpr(), null)))
                .setDevices(List.of(new MedicalDevice(cpr(), cpr(), cpr())))
                .setReporter(new ReporterIdentity("Anne " + cpr(), cpr(), cpr(), cpr()))
                .build();
    }

    private String cpr() {
        return CprGrammar.written(random);
    }

    private static HttpResponse<String> HTTP_BATCH(String ndjson) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(services.service("intake").url() + "/api/v1/incidents/batch"))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", dk.rm.patientsafety.testkit.TestIdentityProvider.bearer("reporter")).POST(java.net.http.HttpRequest.BodyPublishers.ofString(ndjson)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until every serious report from the HTTP paths has its alert in the API, and the Kafka path's too. */
    private void awaitAlerts(Set<String> httpReports) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            String body = get("alerting", "/api/v1/alerts?limit=500").body(); // the run's alerts are the newest 500
            JsonNode alerts = JSON.readTree(body);
            Set<String> listed = new HashSet<>();
            long kafkaPath = 0;
            for (JsonNode alert : alerts) {
                listed.add(alert.path("alertId").asText());
                kafkaPath += alert.path("incidentLocation").asText().equals("1309021000000") ? 1 : 0;
            }
            boolean all = httpReports.stream().allMatch(id -> listed.contains(SeriousIncidentRule.alertId(id)));
            if (all && kafkaPath >= PER_PATH) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("alerts missing; listed " + listed.size());
            }
            Thread.sleep(300);
        }
    }

    /** Every record of every topic after intake, read as raw bytes: Avro strings are UTF-8 inside them. */
    private static void scanTopics(Map<String, Integer> scanned, List<String> leaks) throws Exception {
        try (Admin admin = Admin.create(TestKafka.config(kafka));
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(TestKafka.config(kafka,
                     "isolation.level", "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Set<String> topics = new HashSet<>(admin.listTopics().names().get());
            topics.removeAll(BEFORE_INTAKE);
            topics.removeIf(topic -> topic.startsWith("_"));
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get().values().forEach(d ->
                    d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    scanned.merge(record.topic(), 1, Integer::sum);
                    if (record.key() != null) {
                        check(record.topic() + " key", new String(record.key(), StandardCharsets.UTF_8), leaks);
                    }
                    if (record.value() != null) {
                        check(record.topic() + "@" + record.offset(), new String(record.value(), StandardCharsets.UTF_8), leaks);
                    }
                }
            }
        }
    }

    private static void check(String where, String text, List<String> leaks) {
        List<String> found = IndependentCprDetector.find(UUID.matcher(text).replaceAll("<uuid>"));
        if (!found.isEmpty()) {
            leaks.add(where + ": " + found);
        }
    }
}
