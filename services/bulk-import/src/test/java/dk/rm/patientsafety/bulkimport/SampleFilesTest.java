package dk.rm.patientsafety.bulkimport;

import dk.rm.patientsafety.tabular.CsvException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped samples are what the README says they are, and the test copies are the same files. */
class SampleFilesTest {

    private static ImportSummary dryRun(ImportKind kind, Path file, char delimiter) {
        return BulkImporter.builder().dryRun(true).delimiter(delimiter)
                .output(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false)
                .build().importFile(kind, file);
    }

    @ParameterizedTest
    @CsvSource({"historiske-uth.csv", "samlerapportering-2025-03.csv"})
    void theSamplesAndTheTestResourcesAreTheSameFiles(String name) throws IOException {
        assertArrayEquals(Files.readAllBytes(TestFiles.sample(name)), Files.readAllBytes(TestFiles.resource(name)));
    }

    @ParameterizedTest
    @CsvSource({"historiske-uth.csv", "samlerapportering-2025-03.csv"})
    void theSamplesAreDanishExcelExportsUtf8WithBomSemicolonsAndCrLf(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(TestFiles.sample(name));
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3));
        assertTrue(text.lines().findFirst().orElseThrow().contains(";"));
        assertTrue(text.endsWith("\r\n"));
    }

    @Test
    void everySampleRowMaps() {
        ImportSummary reports = dryRun(ImportKind.REPORTS, TestFiles.sample("historiske-uth.csv"), ';');
        ImportSummary batches = dryRun(ImportKind.BATCH_REPORTS, TestFiles.sample("samlerapportering-2025-03.csv"), ';');
        ImportSummary comma = dryRun(ImportKind.REPORTS, TestFiles.resource("historiske-uth-komma.csv"), ',');

        assertEquals(List.of(8L, 8L, 0), List.of(reports.read(), reports.mapped(), reports.exitCode()));
        assertEquals(List.of(7L, 7L, 0), List.of(batches.read(), batches.mapped(), batches.exitCode()));
        assertEquals(List.of(3L, 3L, 0), List.of(comma.read(), comma.mapped(), comma.exitCode()));
    }

    @Test
    void theSampleUsesOnlyUnitsOfTheOrganisationRegisterAndPastDates() throws CsvException {
        ReportMapper mapper = new ReportMapper("bulk-import");
        List<IncidentReport> reports = TestFiles.rows(TestFiles.sample("historiske-uth.csv"), ';', mapper).stream()
                .map(mapper::map).map(MappedRow::report).toList();

        // SOR codes from services/commons organisation/register.json, so the lead's IT against a real intake accepts them
        List<String> register = List.of("1309011000000", "1309015000000", "1309021000000", "1309022000000", "1309032000000",
                "1309041000000", "1309051000000", "1309061000000", "7511000000000", "5210000000000", "4310000000000");
        for (IncidentReport report : reports) {
            assertTrue(register.contains(report.incidentLocation()), report.sourceId());
            if (report.involvedLocations() != null) {
                report.involvedLocations().forEach(l -> assertTrue(register.contains(l.sorCode()), report.sourceId()));
            }
            assertTrue(report.eventDate().compareTo("2004-01-01") >= 0 && report.eventDate().compareTo("2025-01-01") < 0);
        }
    }

    @Test
    void theErrorSamplesRejectWhatTheyClaimTo() {
        ImportSummary reports = dryRun(ImportKind.REPORTS, TestFiles.resource("historiske-uth-fejl.csv"), ';');
        ImportSummary batches = dryRun(ImportKind.BATCH_REPORTS, TestFiles.resource("samlerapportering-fejl.csv"), ';');

        assertEquals(List.of("actual_consequence", "event_date", "event_time", "involved_locations", "medicine columns", "row",
                "source_id", "source_id"), reports.reasons().stream().map(ImportSummary.Reason::field).toList());
        assertEquals(List.of(9L, 2L, 7L), List.of(reports.read(), reports.mapped(), reports.rejectedByImporter()));
        assertEquals(List.of("area", "count", "month", "row", "row", "sor_code"),
                batches.reasons().stream().map(ImportSummary.Reason::field).toList());
        assertEquals(List.of(8L, 2L, 6L), List.of(batches.read(), batches.mapped(), batches.rejectedByImporter()));
    }
}
