package dk.rm.patientsafety.bulkimport;

import dk.rm.patientsafety.tabular.CsvException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALL_COLUMNS = String.join(";", new ReportMapper("x").columns());

    @TempDir
    Path dir;

    private final ReportMapper mapper = new ReportMapper("dpsd-export");

    private MappedRow one(String header, String row) throws CsvException {
        List<MappedRow> rows = TestFiles.map(dir, header + "\r\n" + row + "\r\n", mapper);
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private MappedRow minimal(String column, String value) throws CsvException {
        return one(TestFiles.REPORTS_HEADER + ";" + column.replace("|", ";"),
                "R-1;Fald;Tekst;2020-01-02;;1309011000000;;;;;;;" + value);
    }

    private static JsonNode json(IncidentReport report) {
        return JSON.valueToTree(report);
    }

    @Test
    void aFullRowBecomesTheJsonIntakeTakes() throws Exception {
        MappedRow mapped = one(ALL_COLUMNS,
                "UTH-1;Forkert dosis heparin;\"Første linje\r\nanden linje\";20-11-2019;22.40;1309011000000;"
                        + "1309011000000:OCCURRED|1309015000000:originated;Alvorlig;FATAL;Medicinering;HEALTH_PROFESSIONAL;"
                        + "010190-1234;Heparin LEO;heparin;i.v.;5.000 IE/ml;b01ab01;Infusionspumpe;Alaris GP;GP Plus;"
                        + "Anne Jensen;anne@example.dk;+45 11 22 33 44;Sygeplejerske");

        assertTrue(mapped.ok(), () -> mapped.errors().toString());
        assertEquals(JSON.readTree("""
                {"source":"dpsd-export","sourceId":"UTH-1","headline":"Forkert dosis heparin",
                 "description":"Første linje\\nanden linje","eventDate":"2019-11-20","eventTime":"22:40",
                 "incidentLocation":"1309011000000",
                 "involvedLocations":[{"sorCode":"1309011000000","role":"OCCURRED"},{"sorCode":"1309015000000","role":"ORIGINATED"}],
                 "actualConsequence":"SERIOUS","possibleConsequence":"FATAL","mainGroup":"Medicinering",
                 "medicines":[{"tradeName":"Heparin LEO","substance":"heparin","route":"i.v.","strength":"5.000 IE/ml","atcCode":"B01AB01"}],
                 "devices":[{"type":"Infusionspumpe","tradeName":"Alaris GP","model":"GP Plus"}],
                 "reporterType":"HEALTH_PROFESSIONAL","patientCpr":"010190-1234",
                 "reporter":{"name":"Anne Jensen","email":"anne@example.dk","phone":"+45 11 22 33 44","profession":"Sygeplejerske"}}
                """), json(mapped.report()));
    }

    @Test
    void blankCellsAndMissingColumnsAreLeftOutOfTheJson() throws Exception {
        MappedRow mapped = one("source_id;headline;description;event_date;incident_location", "R-7;Fald;  Tekst  ;2020-01-02;1309011000000");

        assertEquals(JSON.readTree("""
                {"source":"dpsd-export","sourceId":"R-7","headline":"Fald","description":"Tekst","eventDate":"2020-01-02",
                 "incidentLocation":"1309011000000"}
                """), json(mapped.report()));
    }

    @Test
    void requiredValuesThatAreBlankAreLeftForIntakeToReject() throws CsvException {
        MappedRow mapped = one(TestFiles.REPORTS_HEADER, "R-1;;;;;;;;;;;");

        assertTrue(mapped.ok(), "intake owns the rules; the importer only converts");
        assertNull(mapped.report().headline());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2019-11-20|2019-11-20", "2019-3-4|2019-03-04", "20-11-2019|2019-11-20", "4.3.2019|2019-03-04",
            "04/03/2019|2019-03-04", "29-02-2024|2024-02-29"})
    void datesInIsoOrDanishDayFirstForm(String text, String iso) throws CsvException {
        assertEquals(iso, one(TestFiles.REPORTS_HEADER, "R-1;A;B;" + text + ";;1309011000000;;;;;;").report().eventDate());
    }

    @ParameterizedTest
    @CsvSource({"2019-02-29", "31-02-2019", "2019/13/01", "20191120", "i går", "11-20-2019"})
    void aDateThatIsNotARealDateRejectsTheRow(String text) throws CsvException {
        MappedRow mapped = one(TestFiles.REPORTS_HEADER, "R-1;A;B;" + text + ";;1309011000000;;;;;;");

        assertEquals(List.of(new FieldError("event_date", "is not a date (YYYY-MM-DD or DD-MM-YYYY)")), mapped.errors());
        assertEquals("R-1", mapped.sourceId());
    }

    @ParameterizedTest
    @CsvSource({"22:40,22:40", "22.40,22:40", "7:05,07:05", "22:40:59,22:40"})
    void timesBecomeHoursAndMinutes(String text, String expected) throws CsvException {
        assertEquals(expected, one(TestFiles.REPORTS_HEADER, "R-1;A;B;2020-01-02;" + text + ";1309011000000;;;;;;").report().eventTime());
    }

    @Test
    void anImpossibleTimeRejectsTheRow() throws CsvException {
        assertEquals(List.of(new FieldError("event_time", "is not a time of day (HH:MM)")),
                one(TestFiles.REPORTS_HEADER, "R-1;A;B;2020-01-02;24:10;1309011000000;;;;;;").errors());
    }

    @ParameterizedTest
    @CsvSource({"NONE,NONE", "minor,MINOR", "Ingen,NONE", "Ingen konsekvens,NONE", "Mindre alvorlig,MINOR", "mindre-alvorlig,MINOR",
            "ALVORLIG,SERIOUS", "Dødelig,FATAL", "Ukendt,UNKNOWN"})
    void consequencesByNameOrDanishLabel(String text, String symbol) throws CsvException {
        MappedRow mapped = one(TestFiles.REPORTS_HEADER, "R-1;A;B;2020-01-02;;1309011000000;;" + text + ";" + text + ";;;");

        assertEquals(symbol, mapped.report().actualConsequence());
        assertEquals(symbol, mapped.report().possibleConsequence());
    }

    @ParameterizedTest
    @CsvSource({"HEALTH_PROFESSIONAL,HEALTH_PROFESSIONAL", "health professional,HEALTH_PROFESSIONAL", "Sundhedsperson,HEALTH_PROFESSIONAL",
            "Patient,PATIENT", "Pårørende,RELATIVE", "Andet,OTHER"})
    void reporterTypesByNameOrDanishLabel(String text, String symbol) throws CsvException {
        assertEquals(symbol, one(TestFiles.REPORTS_HEADER, "R-1;A;B;2020-01-02;;1309011000000;;;;;" + text + ";").report().reporterType());
    }

    @Test
    void anUnknownCodedValueRejectsTheRowWithoutRepeatingIt() throws CsvException {
        MappedRow mapped = one(TestFiles.REPORTS_HEADER, "R-1;A;B;2020-01-02;;1309011000000;;katastrofal;;;lægen selv;");

        assertEquals(List.of("actual_consequence", "reporter_type"), mapped.errors().stream().map(FieldError::field).toList());
        assertTrue(mapped.errors().get(0).message().startsWith("must be one of UNKNOWN, NONE, MINOR, SERIOUS, FATAL"));
        mapped.errors().forEach(e -> assertFalse(e.message().contains("katastrofal") || e.message().contains("lægen")));
    }

    @Test
    void involvedLocationsAreSorAndRolePairsAndARoleMayBeLeftOut() throws CsvException {
        MappedRow mapped = one(TestFiles.REPORTS_HEADER,
                "R-1;A;B;2020-01-02;;1309011000000; 1309032000000:HANDED_OVER | 7511000000000:received || 7400000000000 ;;;;;");

        assertEquals(List.of(new IncidentReport.InvolvedLocation("1309032000000", "HANDED_OVER"),
                        new IncidentReport.InvolvedLocation("7511000000000", "RECEIVED"),
                        new IncidentReport.InvolvedLocation("7400000000000", "UNKNOWN")),
                mapped.report().involvedLocations());
    }

    @ParameterizedTest
    @CsvSource({"1309011000000:OCCURRED:X", ":OCCURRED", "1309011000000:HAPPENED"})
    void aMalformedInvolvedLocationRejectsTheRow(String text) throws CsvException {
        MappedRow mapped = one(TestFiles.REPORTS_HEADER, "R-1;A;B;2020-01-02;;1309011000000;" + text + ";;;;;");

        assertEquals("involved_locations", mapped.errors().get(0).field());
    }

    @Test
    void severalMedicinesArePipeSeparatedAndAlignedByPosition() throws CsvException {
        MappedRow mapped = minimal("trade_name|substance|route|strength|atc_code", "NovoRapid|Metformin;insulin aspart|metformin;s.c.|p.o.;;a10ab05|");

        assertEquals(List.of(new IncidentReport.Medicine("NovoRapid", "insulin aspart", "s.c.", null, "A10AB05"),
                new IncidentReport.Medicine("Metformin", "metformin", "p.o.", null, null)), mapped.report().medicines());
    }

    @Test
    void medicineColumnsWithDifferentNumbersOfValuesRejectTheRow() throws CsvException {
        MappedRow mapped = minimal("substance|route", "heparin|insulin;i.v.");

        assertEquals(List.of(new FieldError("medicine columns",
                "have different numbers of |-separated values [trade_name, substance, route, strength, atc_code]")), mapped.errors());
    }

    @Test
    void aDeviceAndAReporterAreObjectsOnlyWhenAValueIsGiven() throws CsvException {
        MappedRow none = minimal("device_type|reporter_name", ";");
        MappedRow some = minimal("device_model|reporter_email", "GP Plus;a@example.dk");

        assertNull(none.report().devices());
        assertNull(none.report().reporter());
        assertEquals(List.of(new IncidentReport.Device(null, null, "GP Plus")), some.report().devices());
        assertEquals("a@example.dk", some.report().reporter().email());
    }

    @Test
    void aRowWithoutSourceIdIsRejectedBecauseEveryReportNeedsOne() throws CsvException {
        MappedRow mapped = one(TestFiles.REPORTS_HEADER, " ;A;B;2020-01-02;;1309011000000;;;;;;");

        assertEquals(List.of(new FieldError("source_id", "is required (the report's id in the source system)")), mapped.errors());
        assertNull(mapped.sourceId());
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRejectedWhole() throws CsvException {
        MappedRow mapped = one(TestFiles.REPORTS_HEADER, "R-1;A;B;2020-01-02");

        assertEquals(List.of(RowMapper.wrongColumnCount()), mapped.errors());
        assertEquals("R-1", mapped.sourceId(), "named in the summary when the id is there");
    }

    @Test
    void theReportNeverShowsPersonalDataInToString() throws CsvException {
        IncidentReport report = minimal("reporter_name", "Anne Jensen").report();

        assertEquals("IncidentReport[source=dpsd-export, sourceId=R-1]", report.toString());
        assertFalse(report.reporter().toString().contains("Anne"));
    }
}
