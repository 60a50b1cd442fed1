package dk.rm.patientsafety.taxonomy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The corpus README's count tables must equal the counts computed from the corpus file, row by row. */
class CorpusReadmeTest {

    @Test
    void countTablesMatchTheCorpus() throws IOException {
        List<AccuracyReport.Example> corpus = AccuracyReport.readDefault();
        String readme;
        try (InputStream in = CorpusReadmeTest.class.getResourceAsStream("/corpus/README.md")) {
            assertNotNull(in, "corpus README missing");
            readme = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> header = null;
        int rows = 0;
        for (String line : readme.split("\n")) {
            if (!line.startsWith("| ") || line.startsWith("|---")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
                    .map(String::trim).toList();
            if (cells.get(0).equals("split")) {
                header = cells;
                continue;
            }
            String split = cells.get(0);
            List<AccuracyReport.Example> selected = corpus.stream()
                    .filter(e -> split.equals("total") || e.split().equals(split)).toList();
            for (int i = 1; i < cells.size(); i++) {
                String column = header.get(i);
                long expected = column.equals("all") ? selected.size() : selected.stream()
                        .filter(e -> e.expected().name().equals(column) || e.features().contains(column)).count();
                assertEquals(expected, Long.parseLong(cells.get(i)), "README row " + split + ", column " + column);
            }
            rows++;
        }
        assertFalse(rows == 0, "no count table found in the corpus README");
        List<String> splits = new ArrayList<>(corpus.stream().map(AccuracyReport.Example::split).distinct().toList());
        assertEquals(List.of("dev", "test", "test2"), splits.stream().sorted().toList(), "unexpected splits");
    }
}
