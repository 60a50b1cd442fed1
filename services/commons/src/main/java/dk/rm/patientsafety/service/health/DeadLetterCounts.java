package dk.rm.patientsafety.service.health;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Where a stream's processors report a dead letter, by application id and reason code. Topologies are built by plain
 * methods without a meter registry (and run in tests without one), so the service that runs a stream listens here and
 * turns each report into its metric; with no listener a report is a no-op. A transaction that is retried after a
 * failure may report its dead letter twice: the metric counts attempts, the dead-letter topic holds the truth.
 */
public final class DeadLetterCounts {

    private static final Map<String, Consumer<String>> LISTENERS = new ConcurrentHashMap<>();

    private DeadLetterCounts() {
    }

    public static void record(String applicationId, String reasonCode) {
        Consumer<String> listener = LISTENERS.get(applicationId);
        if (listener != null) {
            listener.accept(reasonCode);
        }
    }

    static void listen(String applicationId, Consumer<String> listener) {
        LISTENERS.put(applicationId, listener);
    }
}
