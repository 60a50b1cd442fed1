package dk.rm.patientsafety.delivery;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** The delivery queue in the service's PostgreSQL. */
@JdbcRepository(dialect = Dialect.POSTGRES)
@Requires(property = DeliveryQueue.ENABLED, value = "true")
public interface DeliveryRepository extends GenericRepository<StoredDelivery, String> {

    @Query("""
            INSERT INTO delivery (delivery_id, event_id, channel, target, subject, body, state, tries, next_try_at, created_at)
            VALUES (:deliveryId, :eventId, :channel, :target, :subject, :body, 'PENDING', 0, :at, :at)
            ON CONFLICT (delivery_id) DO NOTHING""")
    void enqueue(String deliveryId, String eventId, String channel, String target, @Nullable String subject, String body, Instant at);

    /** Due deliveries, locked until the transaction ends; another instance skips them meanwhile. */
    @Query("""
            SELECT * FROM delivery WHERE state = 'PENDING' AND next_try_at <= :now
            ORDER BY next_try_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<StoredDelivery> due(Instant now, int limit);

    @Query("UPDATE delivery SET next_try_at = :until WHERE delivery_id = :deliveryId")
    void lease(String deliveryId, Instant until);

    @Query("UPDATE delivery SET state = 'DELIVERED', tries = tries + 1, delivered_at = :at, last_error = NULL WHERE delivery_id = :deliveryId")
    void delivered(String deliveryId, Instant at);

    @Query("UPDATE delivery SET tries = tries + 1, next_try_at = :next, last_error = :error WHERE delivery_id = :deliveryId")
    void failed(String deliveryId, Instant next, String error);

    @Query("UPDATE delivery SET state = 'DEAD', tries = tries + 1, last_error = :error WHERE delivery_id = :deliveryId")
    void dead(String deliveryId, String error);

    @Query("SELECT * FROM delivery WHERE event_id = :eventId ORDER BY delivery_id")
    List<StoredDelivery> ofEvent(String eventId);

    @Query("SELECT * FROM delivery WHERE delivery_id = :deliveryId")
    java.util.Optional<StoredDelivery> find(String deliveryId);
}
