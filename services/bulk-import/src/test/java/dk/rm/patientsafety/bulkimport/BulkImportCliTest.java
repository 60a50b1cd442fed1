package dk.rm.patientsafety.bulkimport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exit codes and streams of the command line. */
class BulkImportCliTest {

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

    private int run(String... args) {
        return BulkImport.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, java.util.Map.of("INTAKE_TOKEN", "cli-token"), args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String reports() {
        return TestFiles.resource("historiske-uth.csv").toString();
    }

    @Test
    void everythingAcceptedExitsZeroWithTheSummaryOnStdoutAndProgressOnStderr() {
        int exit = run("reports", "--intake", intake.uri().toString(), reports());

        assertEquals(BulkImport.OK, exit, stdout() + stderr());
        assertTrue(stdout().contains("accepted       8"), stdout());
        assertTrue(stderr().contains("8/8 rows (100 %)"), stderr());
        assertEquals(8, intake.reportsReceived().size());
        assertEquals("Bearer cli-token", intake.requests().get(0).authorization(), "the token from $INTAKE_TOKEN");
    }

    @Test
    void withoutATokenNothingIsSentAndTheErrorSaysHowToSignIn() {
        int exit = BulkImport.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, java.util.Map.of(), "reports", "--intake", intake.uri().toString(), reports());
        assertEquals(BulkImport.FAILED, exit);
        assertTrue(stderr().contains("Intake needs a token: give --token-url (and $INTAKE_CLIENT_SECRET), or set $INTAKE_TOKEN"), stderr());
        assertEquals(0, intake.requests().size());
    }

    @Test
    void optionsReachTheImporter() {
        int exit = run("batch-reports", "--intake=" + intake.uri(), "--batch-size", "4", "--source", "sr-2025", "--delimiter", ";",
                TestFiles.resource("samlerapportering-2025-03.csv").toString());

        assertEquals(BulkImport.OK, exit, stdout() + stderr());
        assertEquals(List.of(4, 3), intake.requests().stream().map(r -> r.reports().size()).toList());
        assertEquals("sr-2025", intake.reportsReceived().get(0).path("source").asText());
    }

    @Test
    void theCommaDelimiterIsAnOption() {
        assertEquals(BulkImport.OK, run("reports", "--dry-run", "--delimiter", ",",
                TestFiles.resource("historiske-uth-komma.csv").toString()), stdout() + stderr());
        assertEquals(BulkImport.FAILED, run("reports", "--dry-run", TestFiles.resource("historiske-uth-komma.csv").toString()),
                "read with ';' the header is one unknown column");
    }

    @Test
    void someRejectedExitsOne() {
        intake.validator(report -> report.path("reporterType").asText().equals("PATIENT")
                ? List.of(new FieldError("reporter", "is not allowed here")) : List.of());

        assertEquals(BulkImport.SOME_REJECTED, run("reports", "--intake", intake.uri().toString(), reports()));
        assertTrue(stdout().contains("Some reports were rejected (exit code 1)."), stdout());
    }

    @Test
    void locallyRejectedRowsAlsoExitOne() {
        assertEquals(BulkImport.SOME_REJECTED, run("reports", "--intake", intake.uri().toString(),
                TestFiles.resource("historiske-uth-fejl.csv").toString()));
    }

    @Test
    void anHttpErrorExitsTwo() {
        intake.thenProblem(400, "Unreadable request body", "Line 1 is not valid JSON");

        assertEquals(BulkImport.FAILED, run("reports", "--intake", intake.uri().toString(), reports()));
        assertTrue(stdout().contains("Failed: Intake answered HTTP 400"), stdout());
    }

    @Test
    void aDryRunNeedsNoIntakeAndSendsNothing() {
        assertEquals(BulkImport.OK, run("reports", "--dry-run", reports()));
        assertEquals(BulkImport.SOME_REJECTED, run("batch-reports", "--dry-run", TestFiles.resource("samlerapportering-fejl.csv").toString()));
        assertEquals(0, intake.requests().size());
        assertTrue(stdout().contains("would be sent  8"), stdout());
    }

    @Test
    void aMissingFileExitsTwo() {
        assertEquals(BulkImport.FAILED, run("reports", "--dry-run", "does-not-exist.csv"));
        assertTrue(stdout().contains("Failed: No such file: does-not-exist.csv"), stdout());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "reports",
            "import",
            "reports --intake http://localhost:8080",
            "reports FILE",
            "reports --intake localhost:8080 FILE",
            "reports --intake ftp://localhost FILE",
            "reports --dry-run --batch-size 0 FILE",
            "reports --dry-run --batch-size many FILE",
            "reports --dry-run --delimiter ;; FILE",
            "reports --dry-run --delimiter x FILE",
            "reports --dry-run --charset klingon FILE",
            "reports --dry-run --source   FILE",
            "reports --dry-run --frobnicate FILE",
            "reports --dry-run FILE FILE"})
    void usageErrorsExitTwo(String line) {
        List<String> args = new ArrayList<>();
        for (String arg : line.split(" ", -1)) {
            if (!line.isEmpty()) {
                args.add(arg.equals("FILE") ? reports() : arg);
            }
        }
        if (line.contains("--source   ")) {
            args.set(args.indexOf("--source") + 1, " ");
            args.removeIf(String::isEmpty);
        }

        assertEquals(BulkImport.FAILED, run(args.toArray(String[]::new)), line + "\n" + stderr());
        assertEquals(0, intake.requests().size());
    }

    @Test
    void aMissingIntakeIsNamedInTheUsageError() {
        run("reports", reports());

        assertTrue(stderr().contains("Missing required option: '--intake=URL' (or use --dry-run)"), stderr());
        assertTrue(stderr().contains("Usage: bulk-import reports"), stderr());
    }

    @Test
    void helpExitsZeroAndDocumentsTheColumnsAndExitCodes() {
        assertEquals(BulkImport.OK, run("--help"));
        assertEquals(BulkImport.OK, run("reports", "--help"));
        assertEquals(BulkImport.OK, run("help", "batch-reports"));

        assertTrue(stdout().contains("2   usage, file or HTTP error"), stdout());
        assertTrue(stdout().contains("involved_locations (sor:role|sor:role)"), stdout());
        assertTrue(stdout().contains("month (YYYY-MM), sor_code, area"), stdout());
    }
}
