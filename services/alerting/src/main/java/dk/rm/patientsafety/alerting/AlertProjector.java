package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.ProvisionedTopics;
import dk.rm.patientsafety.topics.Topics;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Keeps PostgreSQL in step with the alert topic. Offsets are committed only after the rows are written, and
 * writes are upserts, so a crash or a replay re-applies alerts without duplicating them.
 */
@Context
public class AlertProjector implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertProjector.class);
    static final String GROUP_ID = "uth-alerting-projector";

    private final KafkaConsumer<String, Alert> consumer;
    private final AlertRepository repository;
    private final Thread thread;
    private volatile boolean running = true;

    public AlertProjector(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka, AlertRepository repository) {
        this.repository = repository;
        this.consumer = new KafkaConsumer<>(ClientConfigs.consumer(kafka, GROUP_ID),
                Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde(registry).deserializer());
        this.thread = new Thread(this, "alert-projector");
        thread.start();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(Topics.ALERTS.name()));
            while (running) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, Alert> record : records) {
                    store(record.value());
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.error("Alert projection stopped; alerts are no longer written to PostgreSQL", e);
        } finally {
            consumer.close();
        }
    }

    private void store(Alert alert) {
        if (alert == null) {
            return; // a tombstone: alerts are never deleted by the platform
        }
        repository.upsert(alert.getAlertId(), alert.getKind().name(), alert.getReportId(), alert.getOverallSeverity().name(),
                alert.getIncidentLocation(), alert.getEventDate(), alert.getHeadline(), alert.getReason(), alert.getRaisedAt(),
                alert.getStatus().name());
        LOG.info("Alert {} stored ({}) for incident location {}", alert.getAlertId(), alert.getStatus(), alert.getIncidentLocation());
    }

    @PreDestroy
    public void stop() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
