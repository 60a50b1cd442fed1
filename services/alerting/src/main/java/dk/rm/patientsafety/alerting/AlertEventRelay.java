package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.AlertEvent;
import dk.rm.patientsafety.events.FollowUpAction;
import dk.rm.patientsafety.events.FollowUpStatus;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.ProvisionedTopics;
import dk.rm.patientsafety.service.polling.PollingLoop;
import dk.rm.patientsafety.topics.Topics;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Publishes the follow-up steps the table holds and the topic does not yet (an outbox): sent with an idempotent
 * producer, marked published once the broker has them. A crash between the two resends the same {@code alertId|sequence}
 * key, which the compacted topic keeps once.
 */
@Context
public class AlertEventRelay {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEventRelay.class);
    private static final Duration PAUSE = Duration.ofMillis(200);

    private final AlertRepository repository;
    private final Producer<String, AlertEvent> producer;
    private final PollingLoop loop;

    public AlertEventRelay(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka, AlertRepository repository) {
        this.repository = repository;
        this.producer = new KafkaProducer<>(ClientConfigs.producer(kafka, "alert-events"), Topics.ALERT_EVENTS.keySerde().serializer(),
                Topics.ALERT_EVENTS.valueSerde(registry).serializer());
        // The database or the broker away: the rows wait in the table, and a later round sends them.
        this.loop = PollingLoop.start("alert-event-relay", PAUSE, () -> relayOnce() > 0);
    }

    static String key(String alertId, int sequence) {
        return alertId + "|" + sequence;
    }

    /** Sends every unpublished step and marks those the broker acknowledged; the number sent. */
    int relayOnce() {
        List<AlertEventRow> rows = repository.unpublished();
        List<Future<?>> sent = rows.stream().<Future<?>>map(row -> producer.send(new ProducerRecord<>(Topics.ALERT_EVENTS.name(),
                key(row.alertId(), row.sequence()), event(row)))).toList();
        producer.flush();
        for (int i = 0; i < rows.size(); i++) {
            try {
                sent.get(i).get();
                repository.markPublished(rows.get(i).alertId(), rows.get(i).sequence());
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warn("Alert event {} not published yet: {}", key(rows.get(i).alertId(), rows.get(i).sequence()), e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return i;
            }
        }
        return rows.size();
    }

    private static AlertEvent event(AlertEventRow row) {
        return AlertEvent.newBuilder()
                .setAlertId(row.alertId())
                .setSequence(row.sequence())
                .setAction(FollowUpAction.valueOf(row.action()))
                .setFromStatus(FollowUpStatus.valueOf(row.fromStatus()))
                .setToStatus(FollowUpStatus.valueOf(row.toStatus()))
                .setActor(row.actor())
                .setNote(row.note())
                .setAt(row.at())
                .setEscalationLevel(row.escalationLevel())
                .setRecipients(row.recipientList())
                .build();
    }

    @PreDestroy
    public void stop() throws InterruptedException {
        loop.stop(Duration.ofSeconds(5));
        producer.close();
    }
}
