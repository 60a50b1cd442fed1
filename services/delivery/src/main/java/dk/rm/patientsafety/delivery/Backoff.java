package dk.rm.patientsafety.delivery;

import java.time.Duration;

/** After the n-th failed try the next waits first·2^(n-1), never more than max; after the last try there is none. */
public record Backoff(Duration first, Duration max, int tries) {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || tries < 1) {
            throw new IllegalArgumentException("delivery.retry: first must be positive, max at least first, tries at least 1");
        }
    }

    /** The wait after {@code failedTries} failed tries, or null when they were all the tries there are. */
    public Duration after(int failedTries) {
        if (failedTries >= tries) {
            return null;
        }
        Duration wait = first;
        for (int i = 1; i < failedTries && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
