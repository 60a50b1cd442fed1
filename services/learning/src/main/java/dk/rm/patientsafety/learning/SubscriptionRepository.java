package dk.rm.patientsafety.learning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Subscriptions in PostgreSQL. Every read and change names the owner: one caller never reaches another's. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SubscriptionRepository extends GenericRepository<StoredSubscription, String> {

    @Query("""
            INSERT INTO subscription (subscription_id, owner, audience, name, units, incident_types, minimum_severity, cross_sector_only,
                cadence, channel, target, paused, deleted, created_at, updated_at, revision)
            VALUES (:subscriptionId, :owner, :audience, :name, :units, :incidentTypes, :minimumSeverity, :crossSectorOnly,
                :cadence, :channel, :target, FALSE, FALSE, :at, :at, 1)""")
    void insert(String subscriptionId, String owner, String audience, @Nullable String name, String units, String incidentTypes,
                @Nullable String minimumSeverity, boolean crossSectorOnly, String cadence, String channel, @Nullable String target, Instant at);

    @Query("SELECT * FROM subscription WHERE subscription_id = :subscriptionId AND owner = :owner AND NOT deleted")
    Optional<StoredSubscription> findOwned(String subscriptionId, String owner);

    /** A subscription that still takes its summaries: neither deleted nor paused. Not scoped: the delivery asks. */
    @Query("SELECT * FROM subscription WHERE subscription_id = :subscriptionId AND NOT deleted AND NOT paused")
    Optional<StoredSubscription> findActive(String subscriptionId);

    @Query("SELECT * FROM subscription WHERE owner = :owner AND NOT deleted ORDER BY created_at, subscription_id")
    List<StoredSubscription> listOwned(String owner);

    @Query("SELECT COUNT(*) FROM subscription WHERE owner = :owner AND NOT deleted")
    long countOwned(String owner);

    /** The new terms, if the subscription is still at {@code revision}; the rows changed (0: gone, or changed meanwhile). */
    @Query("""
            UPDATE subscription SET name = :name, units = :units, incident_types = :incidentTypes, minimum_severity = :minimumSeverity,
                cross_sector_only = :crossSectorOnly, cadence = :cadence, channel = :channel, target = :target, updated_at = :at,
                revision = revision + 1
            WHERE subscription_id = :subscriptionId AND owner = :owner AND NOT deleted AND revision = :revision""")
    int change(String subscriptionId, String owner, int revision, @Nullable String name, String units, String incidentTypes,
               @Nullable String minimumSeverity, boolean crossSectorOnly, String cadence, String channel, @Nullable String target, Instant at);

    /** Pauses or resumes; a subscription already so is left as it is. */
    @Query("""
            UPDATE subscription SET paused = :paused, updated_at = :at, revision = revision + 1
            WHERE subscription_id = :subscriptionId AND owner = :owner AND NOT deleted AND paused <> :paused""")
    int setPaused(String subscriptionId, String owner, boolean paused, Instant at);

    @Query("""
            UPDATE subscription SET deleted = TRUE, updated_at = :at, revision = revision + 1
            WHERE subscription_id = :subscriptionId AND owner = :owner AND NOT deleted""")
    int delete(String subscriptionId, String owner, Instant at);

    /** Subscriptions whose latest revision is not yet on the topic, deleted ones too (their tombstone is due). */
    @Query("SELECT * FROM subscription WHERE published_revision < revision ORDER BY updated_at LIMIT 500")
    List<StoredSubscription> unpublished();

    /** Marks {@code revision} published, unless a later one already is. */
    @Query("UPDATE subscription SET published_revision = :revision WHERE subscription_id = :subscriptionId AND published_revision < :revision")
    void markPublished(String subscriptionId, int revision);
}
