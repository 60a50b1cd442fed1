package dk.rm.patientsafety.bulkimport;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong();

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutATerminalALineIsPrintedAtEveryTenPercent() {
        ProgressBar bar = new ProgressBar(out, false, 1000, "uth.csv", now::get);
        for (int i = 0; i < 1000; i++) {
            now.addAndGet(1_000_000L); // 1 ms per row: 1000 rows/s
            bar.advance(1);
        }
        bar.finish();

        String[] lines = printed().split("\n");
        assertEquals(10, lines.length);
        assertEquals("uth.csv: 100/1000 rows (10 %), 1000 rows/s", lines[0]);
        assertEquals("uth.csv: 1000/1000 rows (100 %), 1000 rows/s", lines[9]);
        assertFalse(printed().contains("\r"));
    }

    @Test
    void aBigStepPrintsOneLine() {
        ProgressBar bar = new ProgressBar(out, false, 10, "f", now::get);
        bar.advance(7);
        bar.advance(3);

        assertEquals(2, printed().split("\n").length);
    }

    @Test
    void onATerminalOneLineIsRedrawnInPlaceAtMostEvery100Ms() {
        ProgressBar bar = new ProgressBar(out, true, 200, "uth.csv", now::get);
        bar.advance(50);
        bar.advance(50); // same instant: not redrawn
        now.addAndGet(2_000_000_000L);
        bar.advance(100); // the last row is always drawn
        bar.finish();

        String text = printed();
        assertEquals(2, text.chars().filter(c -> c == '\r').count());
        assertTrue(text.contains("\ruth.csv [#######-----------------------]  50/200  25 % – rows/s"), text);
        assertTrue(text.contains("\ruth.csv [##############################] 200/200 100 % 100 rows/s"), text);
        assertTrue(text.endsWith("\n"), "finish ends the line");
        assertEquals(1, text.chars().filter(c -> c == '\n').count());
    }

    @Test
    void aNoteStartsOnItsOwnLine() {
        ProgressBar bar = new ProgressBar(out, true, 10, "f", now::get);
        bar.advance(1);
        bar.note("intake refused a batch");
        bar.finish();

        assertTrue(printed().endsWith("rows/s\nintake refused a batch\n"), printed());
    }

    @Test
    void anEmptyFileShowsNoProgress() {
        ProgressBar bar = new ProgressBar(out, false, 0, "f", now::get);
        bar.advance(0);
        bar.finish();

        assertEquals("", printed());
    }
}
