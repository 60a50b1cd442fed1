package dk.rm.patientsafety.bulkimport;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress on stderr: on a terminal one line redrawn in place ({@code \r}) at most every 100 ms; otherwise (a log
 * file, CI) a new line at every 10 %. Shows rows done of the total, the percentage and the rate.
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final long total;
    private final String label;
    private final LongSupplier nanoTime;
    private final long start;
    private long done;
    private long lastDraw;
    private boolean drawn;
    private int lastTenth;
    private boolean lineOpen;
    private int lastLength;

    ProgressBar(PrintStream out, boolean terminal, long total, String label, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.label = label;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    void advance(long rows) {
        done += rows;
        if (total <= 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (terminal) {
            if (!drawn || done >= total || now - lastDraw >= REDRAW_NANOS) {
                String line = line(now);
                // pad over the end of a longer previous line
                out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
                lastLength = line.length();
                out.flush();
                lineOpen = true;
                lastDraw = now;
                drawn = true;
            }
        } else {
            int tenth = (int) Math.min(10, done * 10 / total);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                out.println(line(now));
            }
        }
    }

    /** A message between progress updates, on a line of its own. */
    void note(String message) {
        closeLine();
        out.println(message);
    }

    /** Ends the progress line so that what follows starts on a fresh one. */
    void finish() {
        closeLine();
        out.flush();
    }

    private void closeLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    String line(long now) {
        double seconds = (now - start) / 1e9;
        String rate = seconds < 0.001 ? "–" : String.format(Locale.ROOT, "%.0f", done / seconds);
        int percent = (int) (done * 100 / total);
        if (!terminal) {
            return String.format(Locale.ROOT, "%s: %d/%d rows (%d %%), %s rows/s", label, done, total, percent, rate);
        }
        int filled = (int) (done * WIDTH / total);
        String doneOfTotal = String.format(Locale.ROOT, "%" + Long.toString(total).length() + "d/%d", done, total);
        return String.format(Locale.ROOT, "%s [%s%s] %s %3d %% %s rows/s", label, "#".repeat(filled), "-".repeat(WIDTH - filled),
                doneOfTotal, percent, rate);
    }
}
