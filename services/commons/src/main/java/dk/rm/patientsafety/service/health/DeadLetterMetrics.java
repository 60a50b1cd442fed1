package dk.rm.patientsafety.service.health;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/** Counts records dead-lettered by this service's consumers, per consumer and reason code ({@code platform_deadletters_total}). */
@Singleton
public class DeadLetterMetrics {

    private final MeterRegistry registry;

    public DeadLetterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void deadLettered(String consumer, String reasonCode) {
        registry.counter("platform.deadletters", "consumer", consumer, "reason", reasonCode).increment();
    }
}
