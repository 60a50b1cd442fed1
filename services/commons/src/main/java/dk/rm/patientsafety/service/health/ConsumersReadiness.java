package dk.rm.patientsafety.service.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/** A service whose streams do not move cannot serve what they feed: readiness goes DOWN with the reason. */
@Singleton
@Readiness
public class ConsumersReadiness implements HealthIndicator {

    private final ConsumersHealth health;

    public ConsumersReadiness(ConsumersHealth health) {
        this.health = health;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(health.result());
    }
}
