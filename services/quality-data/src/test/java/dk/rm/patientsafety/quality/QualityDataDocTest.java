package dk.rm.patientsafety.quality;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/quality-data.md lists each format's columns as the readers know them, required ones marked, and a sample exists. */
class QualityDataDocTest {

    private static final Path DOC = Path.of("../../docs/quality-data.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+)` \\| (yes|no) \\|", Pattern.MULTILINE);

    @Test
    void everyFormatsColumnsAreDocumentedInOrder() throws Exception {
        String doc = Files.readString(DOC);
        for (QualityFormat format : QualityFormat.values()) {
            int heading = doc.indexOf("## `" + format.path() + "`");
            assertTrue(heading >= 0, "a section for " + format.path());
            int next = doc.indexOf("\n## ", heading + 1);
            String section = doc.substring(heading, next < 0 ? doc.length() : next);
            List<String> documented = new ArrayList<>();
            List<String> required = new ArrayList<>();
            Matcher row = ROW.matcher(section);
            while (row.find()) {
                documented.add(row.group(1));
                if (row.group(2).equals("yes")) {
                    required.add(row.group(1));
                }
            }
            assertEquals(format.columnNames(), documented, format.path());
            assertEquals(format.requiredColumnNames(), required, format.path() + ": required");
            Matcher sample = Pattern.compile("samples/([a-z]+\\.csv)").matcher(section);
            assertTrue(sample.find(), format.path() + " names its sample");
            assertTrue(Files.exists(Path.of("../bulk-import/samples", sample.group(1))), sample.group(1));
        }
    }
}
