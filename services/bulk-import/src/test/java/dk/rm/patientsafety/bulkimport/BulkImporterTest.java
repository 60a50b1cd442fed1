package dk.rm.patientsafety.bulkimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The importer end to end against a fake intake that answers per the batch contract. */
class BulkImporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private FakeIntake intake;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        intake = new FakeIntake();
    }

    @AfterEach
    void stop() {
        intake.close();
    }

    private BulkImporter.Builder importer() {
        return BulkImporter.builder()
                .intake(intake.uri())
                .tokens(dk.rm.patientsafety.oauth.AccessTokens.fixed("importer-token"))
                .output(new PrintStream(out, true, StandardCharsets.UTF_8))
                .progress(new PrintStream(err, true, StandardCharsets.UTF_8), false)
                .retries(1, Duration.ofMillis(1));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<String> sourceIdsReceived() {
        return intake.reportsReceived().stream().map(r -> r.path("sourceId").asText()).toList();
    }

    @Test
    void theSampleReportsAreSentInBatchesAndAllAccepted() {
        ImportSummary summary = importer().batchSize(3).build().importReports(TestFiles.resource("historiske-uth.csv"));

        assertEquals(0, summary.exitCode(), stdout());
        assertEquals(8, summary.read());
        assertEquals(8, summary.accepted());
        assertEquals(List.of(3, 3, 2), intake.requests().stream().map(r -> r.reports().size()).toList());
        assertEquals(List.of("UTH-2019-000412", "UTH-2020-001187", "UTH-2020-002954", "UTH-2021-000078", "UTH-2022-003310",
                "UTH-2023-000651", "UTH-2023-004102", "UTH-2024-000219"), sourceIdsReceived());
        JsonNode first = intake.reportsReceived().get(0);
        assertEquals("bulk-import", first.path("source").asText());
        assertEquals("010190-1234", first.path("patientCpr").asText(), "intake pseudonymises it; the importer passes it on");
        assertTrue(first.path("description").asText().contains("\n"), "a multi-line description stays one NDJSON line");
        assertTrue(stderr().contains("historiske-uth.csv: 8/8 rows (100 %)"), stderr());
        assertTrue(stdout().contains("Every report was accepted (exit code 0)."), stdout());
    }

    @Test
    void reImportingAFileSendsTheSameSourceIdsAndTheSameReports() {
        BulkImporter importer = importer().source("dpsd").build();
        importer.importReports(TestFiles.resource("historiske-uth.csv"));
        List<JsonNode> first = intake.reportsReceived();
        importer.importReports(TestFiles.resource("historiske-uth.csv"));
        List<JsonNode> both = intake.reportsReceived();

        assertEquals(first, both.subList(first.size(), both.size()));
        assertTrue(first.stream().allMatch(r -> r.path("source").asText().equals("dpsd")));
    }

    @Test
    void rowsTheImporterCannotMapAreNotSentButCountedWithTheirReasons() {
        ImportSummary summary = importer().build().importReports(TestFiles.resource("historiske-uth-fejl.csv"));

        assertEquals(List.of("UTH-B-1", "UTH-B-7"), sourceIdsReceived());
        assertEquals(9, summary.read());
        assertEquals(2, summary.accepted());
        assertEquals(7, summary.rejectedByImporter());
        assertEquals(0, summary.notSent());
        assertEquals(1, summary.exitCode());
    }

    @Test
    void intakesRejectionsAreGroupedByFieldAndMessage() {
        intake.validator(report -> report.path("eventDate").asText().compareTo("2023-01-01") >= 0
                ? List.of(new FieldError("eventDate", "lies in the future")) : List.of());

        ImportSummary summary = importer().build().importReports(TestFiles.resource("historiske-uth.csv"));

        assertEquals(5, summary.accepted());
        assertEquals(3, summary.rejectedByIntake());
        assertEquals(1, summary.exitCode());
        assertEquals(List.of(new ImportSummary.Reason(ImportSummary.Origin.INTAKE, "eventDate", "lies in the future", 3,
                        List.of("row 7 (UTH-2023-000651)", "row 8 (UTH-2023-004102)", "row 9 (UTH-2024-000219)"))),
                summary.reasons());
        assertTrue(stdout().contains("  intake  eventDate  lies in the future        3  row 7 (UTH-2023-000651), row 8"), stdout());
    }

    @Test
    void theSummaryNeverShowsFreeTextOrCprNumbersFromTheFile() {
        intake.validator(report -> List.of(new FieldError("patientCpr", "is not a CPR number (DDMMYY-SSSS)")));

        importer().build().importReports(TestFiles.resource("historiske-uth.csv"));
        importer().build().importReports(TestFiles.resource("historiske-uth-fejl.csv"));

        String printed = stdout() + stderr();
        for (String secret : List.of("010190-1234", "020190-1234", "150375-2345", "Jens Hansen", "Patienten", "heparin", "Fald i hjemmet")) {
            assertFalse(printed.contains(secret), secret);
        }
    }

    @Test
    void aBatchIntakeFindsTooLargeIsHalvedAndLaterBatchesAreSmaller() {
        intake.maxBatchSize(2);

        ImportSummary summary = importer().batchSize(5).build().importReports(TestFiles.resource("historiske-uth.csv"));

        assertEquals(0, summary.exitCode(), stdout());
        assertEquals(8, summary.accepted());
        // 5 → 413, split 3 + 2; 3 → 413, split 2 + 1; then the last 3 rows at the new size of 2: 2 + 1
        assertEquals(List.of(5, 3, 2, 1, 2, 2, 1), intake.requests().stream().map(r -> r.reports().size()).toList());
        assertEquals(8, intake.requests().stream().filter(r -> r.reports().size() <= 2).mapToInt(r -> r.reports().size()).sum(),
                "every report was accepted exactly once");
        assertTrue(stdout().contains("Note: intake refused a batch of 3 reports (HTTP 413); sending at most 2 per request"), stdout());
    }

    @Test
    void aSingleReportIntakeFindsTooLargeStopsTheImport() {
        intake.maxBatchSize(0);

        ImportSummary summary = importer().batchSize(2).build().importReports(TestFiles.resource("historiske-uth.csv"));

        assertEquals(2, summary.exitCode());
        assertTrue(summary.failure().startsWith("Intake answered HTTP 413 Batch too large"), summary.failure());
        assertEquals(8, summary.notSent());
    }

    @Test
    void aWholeRequestErrorStopsTheImportAndSaysWhatWasNotSent() {
        intake.thenAnswer(200, "application/json", "{\"received\":3,\"accepted\":3,\"rejected\":0,\"results\":["
                        + "{\"index\":0,\"status\":\"ACCEPTED\",\"reportId\":\"a\"},{\"index\":1,\"status\":\"ACCEPTED\",\"reportId\":\"b\"},"
                        + "{\"index\":2,\"status\":\"ACCEPTED\",\"reportId\":\"c\"}]}")
                .thenProblem(400, "Unreadable request body", "Line 1 is not valid JSON");

        ImportSummary summary = importer().batchSize(3).build().importReports(TestFiles.resource("historiske-uth.csv"));

        assertEquals(2, summary.exitCode());
        assertEquals(3, summary.accepted());
        assertEquals(5, summary.notSent());
        assertEquals(2, intake.requests().size(), "nothing is sent after a whole-request error");
        assertTrue(stdout().contains("Failed: Intake answered HTTP 400 Unreadable request body: Line 1 is not valid JSON"), stdout());
        assertTrue(stdout().contains("The import did not complete (exit code 2)."), stdout());
    }

    @Test
    void aMalformedFileSendsNothing() {
        Path file = TestFiles.write(dir, "broken.csv", TestFiles.REPORTS_HEADER + "\nR-1;A;B;2020-01-02;;1309011000000;;;;;;\n"
                + "R-2;A;\"unclosed;2020-01-02;;1309011000000;;;;;;\n");

        ImportSummary summary = importer().build().importReports(file);

        assertEquals(2, summary.exitCode());
        assertEquals(0, intake.requests().size());
        assertTrue(summary.failure().contains("malformed CSV in the row starting on line 3"), summary.failure());
    }

    @Test
    void aDryRunSendsNothing() {
        ImportSummary summary = BulkImporter.builder().dryRun(true)
                .output(new PrintStream(out, true, StandardCharsets.UTF_8))
                .progress(new PrintStream(err, true, StandardCharsets.UTF_8), false)
                .build().importReports(TestFiles.resource("historiske-uth-fejl.csv"));

        assertEquals(2, summary.mapped());
        assertEquals(7, summary.rejectedByImporter());
        assertEquals(1, summary.exitCode());
        assertEquals(0, intake.requests().size());
        assertNull(summary.failure());
    }

    @Test
    void batchReportsAreSentWithTheirDeterministicIdsAndBatchObject() throws Exception {
        ImportSummary summary = importer().build().importBatchReports(TestFiles.resource("samlerapportering-2025-03.csv"));

        assertEquals(0, summary.exitCode(), stdout());
        assertEquals(List.of("SR:1309011000000:2025-03:FALLS", "SR:1309011000000:2025-03:MEDICATION_ADMINISTRATION",
                "SR:1309021000000:2025-03:FALLS", "SR:1309021000000:2025-03:INFECTIONS", "SR:1309032000000:2025-03:MEDICATION_DISPENSING",
                "SR:1309051000000:2025-03:INFECTIONS", "SR:7512000000000:2025-03:FALLS"), sourceIdsReceived());
        assertEquals(JSON.readTree("{\"area\":\"FALLS\",\"count\":22,\"periodStart\":\"2025-03-01\",\"periodEnd\":\"2025-03-31\"}"),
                intake.reportsReceived().get(6).path("batch"));
        assertEquals("SR – Fald (22)", intake.reportsReceived().get(6).path("headline").asText());
    }

    @Test
    void anEmptyFileImportsNothingAndSucceeds() {
        ImportSummary summary = importer().build().importBatchReports(TestFiles.write(dir, "empty.csv", "month;sor_code;area;count\r\n"));

        assertEquals(0, summary.exitCode());
        assertEquals(0, summary.read());
        assertEquals(0, intake.requests().size());
    }
}
