package dk.rm.patientsafety.delivery;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Takes due deliveries for one try: each is leased (its next try moved past the try's longest time) in a short
 * transaction, so the sending happens outside any transaction, and a worker that dies mid-try leaves it to be tried
 * again when the lease runs out.
 */
@Singleton
@Requires(property = DeliveryQueue.ENABLED, value = "true")
public class DeliveryClaims {

    static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 20;

    private final DeliveryRepository repository;

    public DeliveryClaims(DeliveryRepository repository, DeliverySchema schema) {
        this.repository = repository;
    }

    @Transactional
    public List<StoredDelivery> claim(Instant now) {
        List<StoredDelivery> due = repository.due(now, BATCH);
        due.forEach(delivery -> repository.lease(delivery.deliveryId(), now.plus(LEASE)));
        return due;
    }
}
