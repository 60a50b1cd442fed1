package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.OverallSeverity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** An alert left unacknowledged for its severity's time goes one level up, at most to {@link AlertRecipients#TOP_LEVEL}. */
public final class EscalationRule {

    private final Map<OverallSeverity, Duration> withinBySeverity;
    private final Duration otherwise;

    /** @param otherwise for alerts whose cause has no incident severity (clusters, control-chart signals, indicators) */
    public EscalationRule(Map<OverallSeverity, Duration> withinBySeverity, Duration otherwise) {
        withinBySeverity.forEach((severity, within) -> requirePositive(severity.name(), within));
        requirePositive("otherwise", otherwise);
        this.withinBySeverity = Map.copyOf(withinBySeverity);
        this.otherwise = otherwise;
    }

    /** When an alert at {@code level}, open since {@code since}, goes up next; empty at the top. */
    public Optional<Instant> next(String severity, int level, Instant since) {
        if (level >= AlertRecipients.TOP_LEVEL) {
            return Optional.empty();
        }
        return Optional.of(since.plus(within(severity)));
    }

    Duration within(String severity) {
        try {
            return withinBySeverity.getOrDefault(OverallSeverity.valueOf(severity), otherwise);
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }

    private static void requirePositive(String what, Duration within) {
        if (within == null || within.isNegative() || within.isZero()) {
            throw new IllegalArgumentException("alerting.escalation: the time to acknowledge for " + what + " must be positive");
        }
    }
}
