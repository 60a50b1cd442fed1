package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.LearningCadence;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Marks what a change touches, for the next round of summaries: the period of a changed incident, signal or alert in
 * both cadences, or a changed subscription. The round widens a changed period to the 12 after it, whose baselines hold it.
 */
final class ChangeMarks {

    static final String PERIOD = "period|";
    static final String SUBSCRIPTION = "subscription|";
    static final String FIRST_REPORT = "first-report";
    static final String CLOSED = "closed|";

    private final KeyValueStore<String, String> changed;
    private final KeyValueStore<String, String> marks;

    ChangeMarks(ProcessingContext context) {
        this.changed = context.getStateStore(LearningStores.CHANGED);
        this.marks = context.getStateStore(LearningStores.MARKS);
    }

    void period(LocalDate day) {
        for (LearningCadence cadence : LearningCadence.values()) {
            mark(PERIOD + cadence + "|" + LearningPeriod.of(cadence, day).start());
        }
    }

    void subscription(String subscriptionId) {
        mark(SUBSCRIPTION + subscriptionId);
    }

    /**
     * A report on {@code day}; one earlier than any before moves the start of every baseline, so each period from it to
     * the old first one is marked too (the round adds the 12 after each).
     */
    void report(LocalDate day) {
        period(day);
        Optional<LocalDate> first = firstReport();
        if (first.isEmpty() || day.isBefore(first.get())) {
            marks.put(FIRST_REPORT, day.toString());
            first.ifPresent(old -> {
                for (LearningCadence cadence : LearningCadence.values()) {
                    LearningPeriod last = LearningPeriod.of(cadence, old);
                    for (LearningPeriod p = LearningPeriod.of(cadence, day); !last.isBefore(p); p = p.next()) {
                        mark(PERIOD + cadence + "|" + p.start());
                    }
                }
            });
        }
    }

    Optional<LocalDate> firstReport() {
        return Optional.ofNullable(marks.get(FIRST_REPORT)).map(LocalDate::parse);
    }

    private void mark(String key) {
        if (changed.get(key) == null) {
            changed.put(key, "");
        }
    }
}
