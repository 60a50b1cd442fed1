package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.ProvisionedTopics;
import dk.rm.patientsafety.service.consumer.PoisonRecordException;
import dk.rm.patientsafety.service.consumer.ProjectionLoop;
import dk.rm.patientsafety.service.health.DeadLetterMetrics;
import dk.rm.patientsafety.service.health.WatchedConsumer;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.topics.Topics;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * Keeps PostgreSQL in step with the alert topic. Offsets are committed only after the rows are written, and
 * writes are upserts, so a crash or a replay re-applies alerts without duplicating them. A record that cannot be
 * stored goes to the dead letters; a database that is away is waited for.
 */
@Context
public class AlertProjector implements WatchedConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(AlertProjector.class);
    static final String GROUP_ID = "uth-alerting-projector";

    private final AlertRepository repository;
    private final OrganisationRegister register;
    private final AlertLifecycle lifecycle;
    private final ProjectionLoop<Alert> loop;
    private final Thread thread;

    public AlertProjector(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka, AlertRepository repository,
                          Producer<String, DeadLetter> deadLetters, DeadLetterMetrics metrics, OrganisationRegister register,
                          AlertLifecycle lifecycle) {
        this.repository = repository;
        this.register = register;
        this.lifecycle = lifecycle;
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(ClientConfigs.consumer(kafka, GROUP_ID),
                Topics.ALERTS.keySerde().deserializer(), new ByteArrayDeserializer());
        this.loop = new ProjectionLoop<>(GROUP_ID, Topics.ALERTS.name(), consumer, Topics.ALERTS.valueSerde(registry).deserializer(),
                this::store, deadLetters, Topics.DEAD_LETTERS.name(), Clock.systemUTC(), code -> metrics.deadLettered(GROUP_ID, code))
                // A growing cluster's updates, one after another: the last is the alert as it stands. A change of status is
                // never skipped, since each one is a step of the follow-up.
                .inBatches(lifecycle::inOneTransaction, (later, earlier) -> later.getStatus() == earlier.getStatus());
        this.thread = new Thread(loop, "alert-projector");
        thread.start();
    }

    @Override
    public String groupId() {
        return GROUP_ID;
    }

    @Override
    public Optional<String> problem() {
        return loop.problem("alert projection");
    }

    private void store(Alert alert) {
        if (alert == null) {
            return; // a tombstone: alerts are never deleted by the platform
        }
        try {
            // The row and its follow-up (a first RAISED step, a withdrawal) in one transaction: one commit per alert.
            lifecycle.stored(alert.getAlertId(), () -> repository.upsert(alert.getAlertId(), alert.getKind().name(), alert.getReportId(), alert.getOverallSeverity().name(),
                    alert.getIncidentLocation(), alert.getEventDate(), storable(alert.getHeadline()), storable(alert.getReason()),
                    alert.getRaisedAt(), alert.getStatus().name(), alert.getResponsibleUnit(),
                    // an alert from another producer, or from before alerts carried it, gets its lineage from the register
                    StoredAlert.listColumn(alert.getLineage().isEmpty() ? register.lineage(alert.getIncidentLocation()) : alert.getLineage()),
                    alert.getUpdatedAt() == null ? alert.getRaisedAt() : alert.getUpdatedAt(),
                    alert.getIncidentType() == null ? null : alert.getIncidentType().name(), StoredAlert.listColumn(alert.getReportIds()),
                    alert.getLastEventDate(), alert.getSeriesId(), alert.getCrossSector()));
        } catch (RuntimeException e) {
            throw PostgresErrors.isPermanent(e) ? new PoisonRecordException("UNSTORABLE_VALUE", PostgresErrors.describe(e), e) : e;
        }
        LOG.debug("Alert {} stored ({}) for incident location {}", alert.getAlertId(), alert.getStatus(), alert.getIncidentLocation());
    }

    /**
     * PostgreSQL text cannot hold NUL. Intake refuses it, but a record written by another producer may carry one, and an
     * officer must still see the alert: NUL shows as U+FFFD here, while the topic keeps the original.
     */
    static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }

    @PreDestroy
    public void stop() throws InterruptedException {
        loop.stop();
        thread.join(10_000);
    }
}
