package dk.rm.patientsafety.bulkimport;

import dk.rm.patientsafety.tabular.CsvFile;
import dk.rm.patientsafety.tabular.CsvRow;
import dk.rm.patientsafety.tabular.CsvException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Files for the tests: resources, the shipped samples, and CSV text written to a temporary directory. */
final class TestFiles {

    static final String REPORTS_HEADER = "source_id;headline;description;event_date;event_time;incident_location;involved_locations;"
            + "actual_consequence;possible_consequence;main_group;reporter_type;patient_cpr";

    private TestFiles() {
    }

    static Path resource(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The module's samples/ directory (tests run in the module's directory). */
    static Path sample(String name) {
        return Path.of("samples", name);
    }

    static Path write(Path dir, String name, String text) {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, String text, Charset charset) {
        return write(dir, name, text.getBytes(charset));
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every data row of a file, read as the given format reads it. */
    static List<CsvRow> rows(Path file, char delimiter, RowMapper mapper) throws CsvException {
        List<CsvRow> rows = new ArrayList<>();
        try (CsvFile csv = CsvFile.open(file, StandardCharsets.UTF_8, delimiter, mapper.columns(), mapper.requiredColumns())) {
            for (CsvRow row = csv.next(); row != null; row = csv.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Maps every row of a CSV text with the mapper. */
    static List<MappedRow> map(Path dir, String csv, RowMapper mapper) throws CsvException {
        Path file = write(dir, "rows-" + System.nanoTime() + ".csv", csv);
        return rows(file, ';', mapper).stream().map(mapper::map).toList();
    }
}
