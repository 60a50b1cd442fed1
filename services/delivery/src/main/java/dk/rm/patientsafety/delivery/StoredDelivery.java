package dk.rm.patientsafety.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One delivery as the queue keeps it: PENDING until DELIVERED, or DEAD after its last try (and dead-lettered). */
@MappedEntity("delivery")
@Serdeable
public record StoredDelivery(@Id String deliveryId, String eventId, String channel, String target, @Nullable String subject, String body,
                             String state, int tries, Instant nextTryAt, @Nullable String lastError, Instant createdAt,
                             @Nullable Instant deliveredAt) {
}
