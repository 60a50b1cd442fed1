package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.AlertEvent;
import dk.rm.patientsafety.events.FollowUpAction;
import dk.rm.patientsafety.events.FollowUpStatus;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.ProvisionedTopics;
import dk.rm.patientsafety.topics.Topics;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.Future;

/**
 * Publishes the follow-up steps the table holds and the topic does not yet (an outbox): sent with an idempotent
 * producer, marked published once the broker has them. A crash between the two resends the same {@code alertId|sequence}
 * key, which the compacted topic keeps once.
 */
@Context
public class AlertEventRelay implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEventRelay.class);
    private static final long PAUSE_MS = 200;

    private final AlertRepository repository;
    private final Producer<String, AlertEvent> producer;
    private final Thread thread;
    private volatile boolean running = true;

    public AlertEventRelay(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka, AlertRepository repository) {
        this.repository = repository;
        this.producer = new KafkaProducer<>(ClientConfigs.producer(kafka, "alert-events"), Topics.ALERT_EVENTS.keySerde().serializer(),
                Topics.ALERT_EVENTS.valueSerde(registry).serializer());
        this.thread = new Thread(this, "alert-event-relay");
        thread.start();
    }

    static String key(String alertId, int sequence) {
        return alertId + "|" + sequence;
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (relayOnce() == 0) {
                    Thread.sleep(PAUSE_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database or the broker is away: the rows wait in the table, and the next round tries again.
                LOG.warn("Alert events not relayed yet: {}", e.toString());
                sleepQuietly();
            }
        }
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

    private void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    public void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
        producer.close();
    }
}
