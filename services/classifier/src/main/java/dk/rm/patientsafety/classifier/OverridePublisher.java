package dk.rm.patientsafety.classifier;

import dk.rm.patientsafety.events.ClassificationOverride;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.ProvisionedTopics;
import dk.rm.patientsafety.topics.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes overrides with an idempotent producer and waits until Kafka has them: an override is never lost once answered. */
@Singleton
public class OverridePublisher {

    private final KafkaProducer<String, ClassificationOverride> producer;

    public OverridePublisher(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka) {
        this.producer = new KafkaProducer<>(ClientConfigs.producer(kafka, "classifier-overrides"),
                Topics.CLASSIFICATION_OVERRIDES.keySerde().serializer(), Topics.CLASSIFICATION_OVERRIDES.valueSerde(registry).serializer());
    }

    public void publish(ClassificationOverride override) {
        try {
            producer.send(new ProducerRecord<>(Topics.CLASSIFICATION_OVERRIDES.name(), override.getReportId(), override)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing an override", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish override " + override.getOverrideId(), e);
        }
    }

    @PreDestroy
    public void close() {
        producer.close();
    }
}
