package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.topics.KafkaPrincipals;
import dk.rm.patientsafety.topics.KafkaLogin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.IncidentSubmission;
import dk.rm.patientsafety.events.ReporterIdentity;
import dk.rm.patientsafety.events.ReporterRecord;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.testkit.TestIdentityProvider;
import dk.rm.patientsafety.testkit.TestKafka;
import dk.rm.patientsafety.testkit.TestSchemaRegistry;
import dk.rm.patientsafety.testkit.TopicRecords;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mixed corpus (good, bad, malformed and duplicated reports) through every way into intake, on a real broker
 * and registry: every outcome is checked, each good report is published exactly once, nothing is lost, the
 * counts add up, and no CPR number reaches the shared topic, the HTTP answers or the logs.
 */
class IntakeIT {

    /**
     * A day, a month, a year and four digits, optionally split like a CPR number: what must never leave intake.
     * The date part matters: Kafka logs ten-digit numbers such as 2147483646 that are no CPR number.
     */
    static final Pattern CPR_LIKE = Pattern.compile("(?<!\\d)(0[1-9]|[12]\\d|3[01])[ .\\-]?(0[1-9]|1[0-2])[ .\\-]?\\d{2}[ .\\-]?\\d{4}(?!\\d)");
    /** Report ids are UUIDs, whose digit groups can look like a CPR number; they are ours, so they are set aside first. */
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String RUN = String.valueOf(Instant.now().toEpochMilli());

    @TempDir
    static Path dataDir;

    private static LogCapture logs;
    private static PlatformServices services;
    private static SchemaRegistryClient registry;
    private static KafkaLogin kafka;
    private static final List<String> responses = new ArrayList<>();

    @BeforeAll
    static void start() {
        logs = LogCapture.attach();
        kafka = TestKafka.admin();
        services = TestPlatform.start(dataDir);
        registry = TestSchemaRegistry.client();
    }

    @AfterAll
    static void stop() {
        services.close();
        logs.close();
    }

    @Test
    void everyReportFromEveryPathEndsAcceptedOnceOrRejectedWithItsReason() throws Exception {
        JsonNode before = counts();
        // HTTP, one at a time: good, unknown unit, malformed JSON, and the good one again.
        HttpResponse<String> good1 = post("/api/v1/incidents", "application/json", report("G1").toString());
        HttpResponse<String> unknownUnit = post("/api/v1/incidents", "application/json", report("B1").put("incidentLocation", "1309999000000").toString());
        HttpResponse<String> malformed = post("/api/v1/incidents", "application/json", "{\"headline\": \"Pt 010190-1234 faldt\", ");
        HttpResponse<String> again = post("/api/v1/incidents", "application/json", report("G1").toString());
        assertEquals(List.of(202, 400, 400, 202), List.of(good1.statusCode(), unknownUnit.statusCode(), malformed.statusCode(), again.statusCode()));
        String g1 = JSON.readTree(good1.body()).get("reportId").asText();
        assertEquals(g1, JSON.readTree(again.body()).get("reportId").asText(), "a resubmission gets the same report id");
        assertEquals("incidentLocation", JSON.readTree(unknownUnit.body()).at("/errors/0/field").asText());

        // HTTP batch as NDJSON: good, future date, good, and the first good one again.
        String ndjson = String.join("\n", report("G2").toString(), report("B2").put("eventDate", "2099-01-01").toString(),
                report("G3").toString(), report("G2").toString());
        HttpResponse<String> batch = post("/api/v1/incidents/batch", "application/x-ndjson", ndjson);
        assertEquals(200, batch.statusCode(), batch.body());
        JsonNode results = JSON.readTree(batch.body()).get("results");
        assertEquals(List.of("ACCEPTED", "REJECTED", "ACCEPTED", "ACCEPTED"), statuses(results));
        assertEquals("eventDate", results.get(1).at("/errors/0/field").asText());

        // Kafka, from a source system producing Avro: good, unknown enum value, not Avro at all, and G1 again.
        // G1 has the same source and source id as the report sent over HTTP: the same report, resubmitted.
        produceSubmissions(List.of(submission("G4"), withReporterType(submission("B3"), "DOCTOR"), submission("G1")));
        produceRaw("not avro".getBytes());

        Set<String> expected = Set.of(g1, results.get(0).get("reportId").asText(), results.get(2).get("reportId").asText(),
                dk.rm.patientsafety.intake.IntakePipeline.reportId("it-" + RUN, "G4"));
        List<ConsumerRecord<String, IncidentReported>> reported = TopicRecords.readUntil(kafka, Topics.INCIDENTS_REPORTED, registry,
                read -> read.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(expected), Duration.ofSeconds(60));
        JsonNode counts = awaitCounts(c -> delta(before, c, "/published") + delta(before, c, "/duplicates") == 7);

        // Each good report exactly once, and nothing else from this run.
        List<String> ours = reported.stream().map(ConsumerRecord::key).filter(expected::contains).toList();
        assertEquals(expected.size(), ours.size(), "each good report published once: " + ours);
        assertEquals(Set.of("G1", "G2", "G3", "G4"), reported.stream().map(r -> r.value().getSourceId())
                .filter(id -> id.length() == 2).collect(Collectors.toSet()));

        // The Kafka path's rejects are dead letters with their reasons and positions.
        List<ConsumerRecord<String, DeadLetter>> dead = TopicRecords.readUntil(kafka, Topics.INTAKE_DEAD_LETTERS, registry,
                read -> read.size() >= 2, Duration.ofSeconds(30));
        assertEquals(Set.of("INVALID_REPORT", "MALFORMED_AVRO"), dead.stream().map(d -> d.value().getReasonCode()).collect(Collectors.toSet()));
        assertEquals(1, dead.stream().filter(d -> d.value().getReason().startsWith("reporterType must be one of")).count());

        // Counts add up per path: received = accepted + rejected, and accepted = published + duplicates.
        assertPath(before, counts, "http", 4, 2, 2);
        assertPath(before, counts, "http-batch", 4, 3, 1);
        assertPath(before, counts, "kafka", 4, 2, 2);
        assertEquals(4, delta(before, counts, "/published"));
        assertEquals(3, delta(before, counts, "/duplicates"));
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(services.service("intake").url() + "/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics.contains("intake_reports_total{outcome=\"rejected\",path=\"kafka\"} "
                + (double) counts.at("/paths/kafka/rejected").asLong()), "the same counts as metrics:\n" + metrics);

        // The reporter's identity is on the restricted topic, and nowhere on the shared one.
        List<ConsumerRecord<String, ReporterRecord>> reporters = TopicRecords.readUntil(kafka, Topics.REPORTERS, registry,
                read -> read.stream().anyMatch(r -> r.key().equals(g1)), Duration.ofSeconds(30));
        assertEquals("anne.sygeplejerske@rm.dk", reporters.stream().filter(r -> r.key().equals(g1)).findFirst().orElseThrow()
                .value().getReporter().getEmail());

        // No CPR number anywhere it could leak.
        reported.forEach(r -> assertNoCpr(r.value().toString()));
        reported.forEach(r -> assertFalse(r.value().toString().contains("anne.sygeplejerske"), "reporter identity on a shared topic"));
        responses.forEach(IntakeIT::assertNoCpr);
        assertTrue(logs.lines().stream().anyMatch(line -> line.contains("report(s) received")), "the log capture sees intake's lines");
        logs.lines().forEach(IntakeIT::assertNoCpr);
    }

    @Test
    void aGeneratedCorpusOfCprFormsLeavesNoCprNumberOnTheTopicInAnswersOrInLogs() throws Exception {
        java.util.Random random = new java.util.Random(20261123);
        com.fasterxml.jackson.databind.node.ArrayNode batch = JSON.createArrayNode();
        for (int i = 0; i < 200; i++) {
            ObjectNode json = report("GEN-" + i)
                    .put("headline", "Fald " + CprForms.any(random) + " " + CprForms.any(random))
                    .put("description", CprForms.text(random))
                    .put("patientCpr", CprForms.structured(random));
            json.putArray("medicines").addObject().put("tradeName", "Marevan til " + CprForms.any(random));
            batch.add(json);
        }
        HttpResponse<String> response = post("/api/v1/incidents/batch", "application/json", batch.toString());
        assertEquals(200, response.statusCode(), response.body());
        Set<String> ids = new java.util.HashSet<>();
        JSON.readTree(response.body()).get("results").forEach(r -> ids.add(r.path("reportId").asText(null)));
        assertEquals(200, ids.size(), "every generated report is accepted: " + response.body());

        List<ConsumerRecord<String, IncidentReported>> reported = TopicRecords.readUntil(kafka, Topics.INCIDENTS_REPORTED, registry,
                read -> read.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(ids), Duration.ofSeconds(60));
        reported.stream().filter(r -> ids.contains(r.key())).forEach(r -> {
            assertNoCpr(r.value().toString());
            assertTrue(r.value().getHeadline().contains("[CPR]"), r.value().getHeadline());
        });
        responses.forEach(IntakeIT::assertNoCpr);
        logs.lines().forEach(IntakeIT::assertNoCpr);
    }

    @Test
    void theBulkImporterSendsAnExportAndABatchMonthAndItsSummaryMatchesIntakesCounts() throws Exception {
        JsonNode before = counts();
        String source = "it-bulk-" + RUN;
        assertEquals(202, post("/api/v1/incidents", "application/json", report("X-1").put("source", source).toString()).statusCode());
        Path csv = dataDir.resolve("export.csv");
        java.nio.file.Files.writeString(csv, String.join("\r\n",
                "source_id;headline;description;event_date;incident_location;actual_consequence;possible_consequence;patient_cpr",
                "X-1;Fald;\"Pt 010190-1234 faldt;\nslog hovedet\";2026-11-01;1309021000000;MINOR;SERIOUS;010190-1234",
                "X-2;Forkert medicin;Givet til forkert patient;2026-11-02;1309011000000;NONE;SERIOUS;",
                "X-3;Ukendt afdeling;Afdelingen findes ikke;2026-11-03;1309999000000;NONE;MINOR;",
                "X-4;For få felter;mangler"), java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8);
        dk.rm.patientsafety.bulkimport.BulkImporter importer = TestPlatform.bulkImporter(services, out).source(source).build();

        dk.rm.patientsafety.bulkimport.ImportSummary reports = importer.importReports(csv);
        assertEquals(List.of(4L, 2L, 1L, 1L), List.of(reports.read(), reports.accepted(), reports.rejectedByIntake(), reports.rejectedByImporter()));
        assertEquals(1, reports.exitCode());
        dk.rm.patientsafety.bulkimport.ImportSummary month = importer.importBatchReports(batchMonth());
        assertEquals(List.of(2L, 2L, 0), List.of(month.read(), month.accepted(), month.exitCode()));

        String x1 = dk.rm.patientsafety.intake.IntakePipeline.reportId(source, "X-1");
        String x2 = dk.rm.patientsafety.intake.IntakePipeline.reportId(source, "X-2");
        String falls = dk.rm.patientsafety.intake.IntakePipeline.reportId(source, "SR:1309011000000:2026-10:FALLS");
        List<ConsumerRecord<String, IncidentReported>> reported = TopicRecords.readUntil(kafka, Topics.INCIDENTS_REPORTED, registry,
                read -> read.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(Set.of(x1, x2, falls)), Duration.ofSeconds(60));
        JsonNode counts = awaitCounts(c -> delta(before, c, "/published") + delta(before, c, "/duplicates") == 5);
        assertEquals(1, reported.stream().filter(r -> r.key().equals(x1)).count(), "X-1 sent over HTTP and in the file: published once");
        IncidentReported batch = reported.stream().filter(r -> r.key().equals(falls)).findFirst().orElseThrow().value();
        assertTrue(batch.getHeadline().startsWith("SR – "), batch.getHeadline());
        assertEquals(12, batch.getBatch().getCount());
        assertTrue(reported.stream().filter(r -> r.key().equals(x2)).allMatch(r -> r.value().getHistorical()),
                "what the importer brings is history: charted in its own period, paging no one");
        assertFalse(reported.stream().filter(r -> r.key().equals(x1)).findFirst().orElseThrow().value().getHistorical(),
                "X-1 came in live over HTTP first");
        assertPath(before, counts, "bulk-import", 5, 4, 1);
        assertEquals(1, delta(before, counts, "/duplicates"));
        assertNoCpr(printed.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Path batchMonth() throws Exception {
        Path csv = dataDir.resolve("samlerapportering.csv");
        java.nio.file.Files.writeString(csv, "month;sor_code;area;count\n2026-10;1309011000000;FALLS;12\n2026-10;1309021000000;Infektioner;3\n");
        return csv;
    }

    static ObjectNode report(String id) {
        ObjectNode json = JSON.createObjectNode()
                .put("source", "it-" + RUN).put("sourceId", id)
                .put("headline", "Forkert patient fik medicin (pt. 010190-1234)")
                .put("description", "Pt. med cpr 0101901234 fik ordineret\nmedicin til 02.01.90-4321. Opdaget ved tjek.")
                .put("eventDate", "2026-11-20").put("eventTime", "08:30")
                .put("incidentLocation", "1309011000000")
                .put("actualConsequence", "NONE").put("possibleConsequence", "SERIOUS")
                .put("reporterType", "HEALTH_PROFESSIONAL")
                .put("patientCpr", "010190-1234");
        json.putObject("reporter").put("name", "Anne Sygeplejerske").put("email", "anne.sygeplejerske@rm.dk");
        return json;
    }

    private static IncidentSubmission submission(String id) {
        IncidentSubmission submission = IncidentSubmission.newBuilder()
                .setSource("it-" + RUN).setSourceId(id)
                .setHeadline("Medicin givet til forkert patient").setDescription("CPR 010190-1234 forvekslet med 020190-1234.")
                .setEventDate("2026-11-19").setIncidentLocation("1309021000000")
                .setActualConsequence("MINOR").setPossibleConsequence("SERIOUS").setReporterType("HEALTH_PROFESSIONAL")
                .setPatientCpr("0101901234")
                .setReporter(new ReporterIdentity("Anne Sygeplejerske", "anne.sygeplejerske@rm.dk", null, null))
                .build();
        return submission;
    }

    private static IncidentSubmission withReporterType(IncidentSubmission submission, String type) {
        submission.setReporterType(type);
        return submission;
    }

    private static void produceSubmissions(List<IncidentSubmission> submissions) throws Exception {
        try (KafkaProducer<String, IncidentSubmission> producer = new KafkaProducer<>(TestKafka.config(TestKafka.login(KafkaPrincipals.SOURCE_SYSTEM), "enable.idempotence", true),
                new StringSerializer(), Topics.INCIDENTS_SUBMITTED.valueSerde(registry).serializer())) {
            for (IncidentSubmission submission : submissions) {
                producer.send(new ProducerRecord<>(Topics.INCIDENTS_SUBMITTED.name(), submission.getSourceId(), submission)).get();
            }
        }
    }

    private static void produceRaw(byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(TestKafka.config(TestKafka.login(KafkaPrincipals.SOURCE_SYSTEM)),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.INCIDENTS_SUBMITTED.name(), "raw", value)).get();
        }
    }

    private static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(services.service("intake").url() + path))
                .header("Content-Type", contentType).header("Authorization", TestIdentityProvider.bearer("reporter")).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        responses.add(response.body());
        return response;
    }

    private static JsonNode counts() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(services.service("intake").url() + "/api/v1/intake/counts"))
                .header("Authorization", TestIdentityProvider.bearer("regional-team")).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** How much a count grew; the tests share one intake, so each looks only at what it added. */
    private static long delta(JsonNode before, JsonNode after, String pointer) {
        return after.at(pointer).asLong(0) - before.at(pointer).asLong(0);
    }

    private static JsonNode awaitCounts(java.util.function.Predicate<JsonNode> done) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonNode counts = counts();
            if (done.test(counts)) {
                return counts;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("counts never settled: " + counts);
            }
            Thread.sleep(200);
        }
    }

    private static void assertPath(JsonNode before, JsonNode after, String path, long received, long accepted, long rejected) {
        String at = "/paths/" + path + "/";
        assertEquals(List.of(received, accepted, rejected),
                List.of(delta(before, after, at + "received"), delta(before, after, at + "accepted"), delta(before, after, at + "rejected")), path);
        assertEquals(after.at(at + "received").asLong(), after.at(at + "accepted").asLong() + after.at(at + "rejected").asLong(),
                path + ": counts add up");
    }

    private static void assertNoCpr(String text) {
        assertFalse(CPR_LIKE.matcher(UUID.matcher(text).replaceAll("<uuid>")).find(), text);
    }

    private static List<String> statuses(JsonNode results) {
        List<String> statuses = new ArrayList<>();
        results.forEach(r -> statuses.add(r.get("status").asText()));
        return statuses;
    }
}
