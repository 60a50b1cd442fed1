package dk.rm.patientsafety.service.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/** A stuck stream does not heal by waiting: liveness goes DOWN so the orchestrator restarts the service. */
@Singleton
@Liveness
public class ConsumersLiveness implements HealthIndicator {

    private final ConsumersHealth health;

    public ConsumersLiveness(ConsumersHealth health) {
        this.health = health;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(health.result());
    }
}
