package dk.rm.patientsafety.intake;

import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.ProvisionedTopics;
import dk.rm.patientsafety.topics.Topics;
import jakarta.annotation.PreDestroy;
import io.micronaut.context.annotation.Context;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes validated reports with an idempotent producer and waits for the broker's acknowledgement. Eager,
 * so topics are provisioned at start-up and an unreachable Kafka fails the start, not the first report.
 */
@Context
public class IncidentPublisher {

    private final KafkaProducer<String, IncidentReported> producer;

    public IncidentPublisher(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka) {
        this.producer = new KafkaProducer<>(ClientConfigs.producer(kafka, "intake"),
                Topics.INCIDENTS_REPORTED.keySerde().serializer(), Topics.INCIDENTS_REPORTED.valueSerde(registry).serializer());
    }

    /** Returns once the report is durably on the topic; a reporter must never be told "accepted" for a lost report. */
    public void publish(IncidentReported report) throws ExecutionException, InterruptedException, TimeoutException {
        producer.send(new ProducerRecord<>(Topics.INCIDENTS_REPORTED.name(), null,
                report.getReceivedAt().toEpochMilli(), report.getReportId(), report)).get(30, TimeUnit.SECONDS);
    }

    @PreDestroy
    public void close() {
        producer.close();
    }
}
