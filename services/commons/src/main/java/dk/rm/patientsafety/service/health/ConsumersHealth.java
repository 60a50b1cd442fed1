package dk.rm.patientsafety.service.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's streams and consumers in one health verdict: DOWN, with each reason, when one is not running (a stream
 * not RUNNING, a projection retrying or stopped) or when its group makes no progress while records wait.
 */
@Singleton
public class ConsumersHealth {

    static final String NAME = "kafka-consumers";

    private final List<WatchedConsumer> consumers;
    private final ConsumerProgress progress;

    public ConsumersHealth(List<WatchedConsumer> consumers, ConsumerProgress progress) {
        this.consumers = consumers;
        this.progress = progress;
    }

    public HealthResult result() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean down = false;
        for (WatchedConsumer consumer : consumers) {
            String problem = consumer.problem().or(() -> progress.stall(consumer.groupId())).orElse(null);
            down |= problem != null;
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", problem == null ? "UP" : "DOWN");
            if (problem != null) {
                detail.put("reason", problem);
            }
            progress.snapshot(consumer.groupId()).ifPresent(s -> detail.put("lag", s.lag()));
            details.put(consumer.groupId(), detail);
        }
        return HealthResult.builder(NAME, down ? HealthStatus.DOWN : HealthStatus.UP).details(details).build();
    }
}
