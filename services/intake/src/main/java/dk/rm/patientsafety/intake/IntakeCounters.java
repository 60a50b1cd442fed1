package dk.rm.patientsafety.intake;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What intake received, accepted and rejected, per path, and how many accepted reports were duplicates.
 * Every received report ends as exactly one of accepted or rejected, so the counts must add up.
 */
@Singleton
public class IntakeCounters {

    /** The ways into intake. */
    public enum Path { HTTP, HTTP_BATCH, BULK_IMPORT, KAFKA, QUALITY_DATA }

    /** One path's counts. */
    @Serdeable
    public record Counts(long received, long accepted, long rejected) {
    }

    /** All paths' counts, and what the de-duplication stage did with the accepted reports. */
    @Serdeable
    public record Snapshot(Map<String, Counts> paths, long published, long duplicates) {
    }

    private final Map<Path, AtomicLong[]> byPath = new ConcurrentHashMap<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    public IntakeCounters() {
    }

    /** Also exposes the counts as metrics: {@code intake.reports{path, outcome}} and {@code intake.published/duplicates}. */
    @Inject
    public IntakeCounters(MeterRegistry metrics) {
        for (Path path : Path.values()) {
            AtomicLong[] counts = countsOf(path);
            String tag = tag(path);
            FunctionCounter.builder("intake.reports", counts[0], AtomicLong::get).tags("path", tag, "outcome", "received").register(metrics);
            FunctionCounter.builder("intake.reports", counts[1], AtomicLong::get).tags("path", tag, "outcome", "accepted").register(metrics);
            FunctionCounter.builder("intake.reports", counts[2], AtomicLong::get).tags("path", tag, "outcome", "rejected").register(metrics);
        }
        FunctionCounter.builder("intake.published", published, AtomicLong::get).register(metrics);
        FunctionCounter.builder("intake.duplicates", duplicates, AtomicLong::get).register(metrics);
    }

    public void accepted(Path path) {
        add(path, 1);
    }

    public void rejected(Path path) {
        add(path, 2);
    }

    public void published() {
        published.incrementAndGet();
    }

    public void duplicate() {
        duplicates.incrementAndGet();
    }

    public Snapshot snapshot() {
        Map<String, Counts> paths = new TreeMap<>();
        byPath.forEach((path, c) -> {
            if (c[0].get() > 0) {
                paths.put(tag(path), new Counts(c[0].get(), c[1].get(), c[2].get()));
            }
        });
        return new Snapshot(paths, published.get(), duplicates.get());
    }

    /** Counts one received report and its outcome (index 1 accepted, 2 rejected) together. */
    private void add(Path path, int outcome) {
        AtomicLong[] counts = countsOf(path);
        counts[outcome].incrementAndGet();
        counts[0].incrementAndGet();
    }

    private AtomicLong[] countsOf(Path path) {
        return byPath.computeIfAbsent(path, p -> new AtomicLong[]{new AtomicLong(), new AtomicLong(), new AtomicLong()});
    }

    private static String tag(Path path) {
        return path.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
