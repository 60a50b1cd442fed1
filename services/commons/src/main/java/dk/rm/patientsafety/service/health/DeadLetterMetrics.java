package dk.rm.patientsafety.service.health;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import dk.rm.patientsafety.service.StreamsService;

import java.util.List;

/**
 * Counts records dead-lettered by this service's streams and consumers, per consumer (a stream's application id, a
 * consumer's group) and reason code ({@code platform_deadletters_total}).
 */
@Singleton
public class DeadLetterMetrics {

    private final MeterRegistry registry;

    public DeadLetterMetrics(MeterRegistry registry, List<StreamsService> streams) {
        this.registry = registry;
        for (StreamsService stream : streams) {
            DeadLetterCounts.listen(stream.groupId(), code -> deadLettered(stream.groupId(), code));
        }
    }

    public void deadLettered(String consumer, String reasonCode) {
        registry.counter("platform.deadletters", "consumer", consumer, "reason", reasonCode).increment();
    }
}
