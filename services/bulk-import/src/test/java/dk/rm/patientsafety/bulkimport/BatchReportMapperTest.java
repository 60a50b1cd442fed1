package dk.rm.patientsafety.bulkimport;

import dk.rm.patientsafety.tabular.CsvException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchReportMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final BatchReportMapper mapper = new BatchReportMapper("bulk-import");

    private MappedRow one(String row) throws CsvException {
        List<MappedRow> rows = TestFiles.map(dir, "month;sor_code;area;count\n" + row + "\n", mapper);
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    @Test
    void aRowBecomesABatchReportWithTheNationalSrHeadline() throws Exception {
        MappedRow mapped = one("2025-03;1309011000000;FALLS;14");

        assertEquals(JSON.readTree("""
                {"source":"bulk-import","sourceId":"SR:1309011000000:2025-03:FALLS",
                 "headline":"SR – Fald (14)",
                 "description":"Samlerapportering: 14 fald i 2025-03 på 1309011000000",
                 "eventDate":"2025-03-31","incidentLocation":"1309011000000",
                 "actualConsequence":"NONE","possibleConsequence":"MINOR","reporterType":"HEALTH_PROFESSIONAL",
                 "batch":{"area":"FALLS","count":14,"periodStart":"2025-03-01","periodEnd":"2025-03-31"}}
                """), JSON.valueToTree(mapped.report()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "FALLS;SR – Fald (3);Samlerapportering: 3 fald i 2024-02 på 1309021000000",
            "INFECTIONS;SR – Infektioner (3);Samlerapportering: 3 infektioner i 2024-02 på 1309021000000",
            "MEDICATION_ADMINISTRATION;SR – Medicinadministration (3);Samlerapportering: 3 hændelser ved medicinadministration i 2024-02 på 1309021000000",
            "MEDICATION_DISPENSING;SR – Medicindispensering (3);Samlerapportering: 3 hændelser ved medicindispensering i 2024-02 på 1309021000000"})
    void everyAreaHasItsDanishHeadlineAndDescription(String area, String headline, String description) throws CsvException {
        IncidentReport report = one("2024-02;1309021000000;" + area + ";3").report();

        assertEquals(headline, report.headline());
        assertTrue(report.headline().startsWith("SR – "), "the national convention for batch reports");
        assertEquals(description, report.description());
    }

    @Test
    void theEventDateIsTheLastDayOfTheMonthLeapYearsIncluded() throws CsvException {
        IncidentReport report = one("2024-02;1309021000000;INFECTIONS;4").report();

        assertEquals("2024-02-29", report.eventDate());
        assertEquals(new IncidentReport.Batch("INFECTIONS", 4, "2024-02-01", "2024-02-29"), report.batch());
    }

    @ParameterizedTest
    @CsvSource({"FALLS", "falls", "Fald", "FALD", "fald", " Fald "})
    void theSourceIdIsTheSameHoweverTheAreaIsWritten(String area) throws CsvException {
        assertEquals("SR:1309011000000:2025-03:FALLS", one("2025-03;1309011000000;" + area + ";14").sourceId());
    }

    @ParameterizedTest
    @CsvSource({"medication administration,MEDICATION_ADMINISTRATION", "Medicinadministration,MEDICATION_ADMINISTRATION",
            "medicindispensering,MEDICATION_DISPENSING", "Infektion,INFECTIONS"})
    void danishAreaNamesAreRead(String area, String symbol) throws CsvException {
        assertEquals(symbol, one("2025-03;1309011000000;" + area + ";1").report().batch().area());
    }

    @Test
    void theSourceIdDependsOnlyOnUnitMonthAndAreaNotOnTheCount() throws CsvException {
        assertEquals(one("2025-03;1309011000000;FALLS;14").sourceId(), one("2025-03;1309011000000;FALLS;15").sourceId());
        assertEquals(BatchReportMapper.sourceId("1309011000000", java.time.YearMonth.of(2025, 3), Vocabulary.BatchArea.FALLS),
                "SR:1309011000000:2025-03:FALLS");
    }

    @Test
    void importingTheSameFileTwiceGivesTheSameReports() throws CsvException {
        Path file = TestFiles.resource("samlerapportering-2025-03.csv");
        List<IncidentReport> first = TestFiles.rows(file, ';', mapper).stream().map(mapper::map).map(MappedRow::report).toList();
        List<IncidentReport> second = TestFiles.rows(file, ';', new BatchReportMapper("bulk-import")).stream()
                .map(mapper::map).map(MappedRow::report).toList();

        assertEquals(7, first.size());
        assertEquals(first, second);
        assertEquals(7, first.stream().map(IncidentReport::sourceId).distinct().count());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-13;1309011000000;FALLS;3|month|is not a month of the form YYYY-MM",
            "03-2025;1309011000000;FALLS;3|month|is not a month of the form YYYY-MM",
            ";1309011000000;FALLS;3|month|is required (YYYY-MM)",
            "2025-03;1309-011;FALLS;3|sor_code|is not an SOR code (digits only)",
            "2025-03;;FALLS;3|sor_code|is required",
            "2025-03;1309011000000;;3|area|is required",
            "2025-03;1309011000000;FALLS;-1|count|is not a whole number of at least 0",
            "2025-03;1309011000000;FALLS;3,5|count|is not a whole number of at least 0",
            "2025-03;1309011000000;FALLS;|count|is required",
            "2025-03;1309011000000;FALLS|row|has a different number of cells than the header has columns"})
    void aRowTheImporterCannotMapIsRejectedWithTheColumnAndReason(String row, String field, String message) throws CsvException {
        assertEquals(List.of(new FieldError(field, message)), one(row).errors());
    }

    @Test
    void anUnknownAreaNamesTheAllowedOnes() throws CsvException {
        FieldError error = one("2025-03;1309011000000;Tryksår;3").errors().get(0);

        assertEquals("area", error.field());
        assertTrue(error.message().startsWith("must be one of FALLS, INFECTIONS, MEDICATION_ADMINISTRATION, MEDICATION_DISPENSING"));
    }
}
