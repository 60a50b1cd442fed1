package dk.rm.patientsafety.tabular;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvFileTest {

    private static final List<String> COLUMNS = List.of("source_id", "headline", "description");
    private static final List<String> REQUIRED = List.of("source_id");

    @TempDir
    Path dir;

    private List<CsvRow> read(String text, char delimiter) throws CsvException {
        return read(write(dir, "f.csv", text), delimiter, StandardCharsets.UTF_8);
    }

    private static List<CsvRow> read(Path file, char delimiter, Charset charset) throws CsvException {
        try (CsvFile csv = CsvFile.open(file, charset, delimiter, COLUMNS, REQUIRED)) {
            List<CsvRow> rows = new java.util.ArrayList<>();
            for (CsvRow row = csv.next(); row != null; row = csv.next()) {
                rows.add(row);
            }
            assertEquals(rows.size(), CsvFile.countRows(file, charset, delimiter, COLUMNS, REQUIRED));
            return rows;
        }
    }

    @Test
    void aUtf8ByteOrderMarkIsSkippedSoTheFirstColumnIsRecognised() throws CsvException {
        List<CsvRow> rows = read("\uFEFFsource_id;headline;description\r\nR-1;Fald på gangen;Patienten faldt\r\n", ';');

        assertEquals(1, rows.size());
        assertEquals("R-1", rows.get(0).get("source_id"));
        assertEquals("Fald på gangen", rows.get(0).get("headline"));
    }

    @Test
    void withoutAByteOrderMarkTheFileReadsTheSame() throws CsvException {
        assertEquals("R-1", read("source_id;headline;description\nR-1;Fald;Tekst\n", ';').get(0).get("source_id"));
    }

    @Test
    void quotedCellsMaySpanLinesAndHoldDelimitersAndDoubledQuotes() throws CsvException {
        List<CsvRow> rows = read("source_id;headline;description\r\n"
                + "R-1;\"Forkert dosis; heparin\";\"Første linje\r\nanden linje med \"\"citat\"\"\r\ntredje\"\r\n"
                + "R-2;Næste;Kort\r\n", ';');

        assertEquals(2, rows.size());
        assertEquals("Forkert dosis; heparin", rows.get(0).get("headline"));
        assertEquals("Første linje\nanden linje med \"citat\"\ntredje", rows.get(0).get("description"));
        assertEquals("Kort", rows.get(1).get("description"), "no carriage return left at the end of a row");
    }

    @Test
    void rowsAreNumberedLikeASpreadsheetHeaderFirstAndAMultiLineCellIsOneRow() throws CsvException {
        List<CsvRow> rows = read("source_id;headline;description\n"
                + "R-1;A;\"1\n2\n3\"\n"
                + "R-2;B;C\n", ';');

        assertEquals(2, rows.get(0).number());
        assertEquals(3, rows.get(1).number());
    }

    @Test
    void commaIsAcceptedAsDelimiter() throws CsvException {
        List<CsvRow> rows = read("source_id,headline,description\nR-1,\"Fald, hofte\",Tekst\n", ',');

        assertEquals("Fald, hofte", rows.get(0).get("headline"));
        assertTrue(rows.get(0).consistent());
    }

    @Test
    void withTheWrongDelimiterTheHeaderIsOneUnknownColumn() {
        CsvException e = assertThrows(CsvException.class, () -> read("source_id,headline,description\nR-1,A,B\n", ';'));

        assertTrue(e.getMessage().contains("unknown column"), e.getMessage());
        assertTrue(e.getMessage().contains("delimiter"), e.getMessage());
    }

    @Test
    void blankRowsAndEmptyLinesAreSkipped() throws CsvException {
        List<CsvRow> rows = read("source_id;headline;description\n\nR-1;A;B\n;;\n  ; ;\nR-2;C;D\n\n", ';');

        assertEquals(List.of("R-1", "R-2"), rows.stream().map(r -> r.get("source_id")).toList());
    }

    @Test
    void aRowWithTooFewOrTooManyCellsIsFlaggedNotDropped() throws CsvException {
        List<CsvRow> rows = read("source_id;headline;description\nR-1;A\nR-2;A;B;C\nR-3;A;B\n", ';');

        assertEquals(3, rows.size());
        assertFalse(rows.get(0).consistent());
        assertFalse(rows.get(1).consistent());
        assertTrue(rows.get(2).consistent());
        assertNull(rows.get(0).get("description"));
    }

    @Test
    void headerNamesMatchRegardlessOfCaseSpacesAndUnderscores() throws CsvException {
        List<CsvRow> rows = read("Source ID;HEADLINE;Description\nR-1;A;B\n", ';');

        assertEquals("R-1", rows.get(0).get("source_id"));
        assertEquals("R-1", rows.get(0).get("sourceId"));
    }

    @Test
    void optionalColumnsMayBeLeftOutAndReadAsNull() throws CsvException {
        CsvRow row = read("source_id\nR-1\n", ';').get(0);

        assertNull(row.get("headline"));
        assertFalse(row.header().has("headline"));
    }

    @Test
    void headerProblemsAreNamedTogether() {
        CsvException e = assertThrows(CsvException.class, () -> read("headline;headline;patient_kpr\nA;B;C\n", ';'));

        assertTrue(e.getMessage().contains("unknown column(s) [patient_kpr]"), e.getMessage());
        assertTrue(e.getMessage().contains("column(s) given twice [headline]"), e.getMessage());
        assertTrue(e.getMessage().contains("missing required column(s) [source_id]"), e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsAnErrorNamingTheLineAndTheRemedy() {
        Path file = write(dir, "cp1252.csv", "source_id;headline;description\nR-1;A;B\nR-2;Fald på gangen;B\n",
                Charset.forName("windows-1252"));

        CsvException e = assertThrows(CsvException.class, () -> read(file, ';', StandardCharsets.UTF_8));

        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("--charset windows-1252"), e.getMessage());
    }

    @Test
    void aWindows1252FileReadsWithTheRightCharset() throws CsvException {
        Path file = write(dir, "cp1252.csv", "source_id;headline;description\nR-1;Fald på gangen;Æble og øl\n",
                Charset.forName("windows-1252"));

        CsvRow row = read(file, ';', Charset.forName("windows-1252")).get(0);

        assertEquals("Fald på gangen", row.get("headline"));
        assertEquals("Æble og øl", row.get("description"));
    }

    @Test
    void anUnclosedQuoteIsAnErrorThatDoesNotQuoteTheFile() {
        CsvException e = assertThrows(CsvException.class,
                () -> read("source_id;headline;description\nR-1;A;\"Patienten 010190-1234 faldt\nR-2;B;C\n", ';'));

        assertTrue(e.getMessage().contains("malformed CSV"), e.getMessage());
        assertFalse(e.getMessage().contains("010190-1234"), e.getMessage());
        assertFalse(e.getMessage().contains("Patienten"), e.getMessage());
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        CsvException e = assertThrows(CsvException.class, () -> read("source_id;headline;description\nR-1;\"A\"x;B\n", ';'));

        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void anEmptyOrMissingFileIsAnError() {
        assertTrue(assertThrows(CsvException.class, () -> read("", ';')).getMessage().contains("empty"));
        assertTrue(assertThrows(CsvException.class, () -> read(dir.resolve("nope.csv"), ';', StandardCharsets.UTF_8))
                .getMessage().contains("No such file"));
    }

    @Test
    void aRowNeverShowsItsValuesInToString() throws CsvException {
        CsvRow row = read("source_id;headline;description\nR-1;A;010190-1234\n", ';').get(0);

        assertFalse(row.toString().contains("010190-1234"));
    }

    private static Path write(Path dir, String name, String text) {
        return write(dir, name, text, StandardCharsets.UTF_8);
    }

    private static Path write(Path dir, String name, String text, Charset charset) {
        try {
            return java.nio.file.Files.write(dir.resolve(name), text.getBytes(charset));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
