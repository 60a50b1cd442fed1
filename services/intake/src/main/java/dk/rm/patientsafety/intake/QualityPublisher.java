package dk.rm.patientsafety.intake;

import dk.rm.patientsafety.quality.QualityRecord;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.ProvisionedTopics;
import dk.rm.patientsafety.topics.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Publishes an upload's accepted rows in one Kafka transaction: a file lands whole or not at all, and the answer
 * comes after the commit. Uploads are rare and large, so they queue on one producer rather than share the reports'.
 */
@Singleton
public class QualityPublisher {

    private final Map<String, Object> config;
    private final Serializer<SpecificRecord> values;
    private Producer<String, SpecificRecord> producer;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public QualityPublisher(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka) {
        this.config = ClientConfigs.producer(kafka, "intake-quality");
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "intake-quality-" + kafka.getInstanceId());
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        Serializer indicators = Topics.QUALITY_INDICATORS.valueSerde(registry).serializer();
        Serializer activity = Topics.ACTIVITY.valueSerde(registry).serializer();
        this.values = (topic, value) -> Topics.ACTIVITY.name().equals(topic)
                ? activity.serialize(topic, value) : indicators.serialize(topic, value);
    }

    /** Returns once every record is committed; throws, with nothing committed, when Kafka refuses. */
    public synchronized void publish(List<QualityRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        if (producer == null) {
            KafkaProducer<String, SpecificRecord> created = new KafkaProducer<>(config, new StringSerializer(), values);
            created.initTransactions();
            producer = created;
        }
        try {
            producer.beginTransaction();
            for (QualityRecord record : records) {
                String topic = record.destination() == QualityRecord.Destination.ACTIVITY ? Topics.ACTIVITY.name()
                        : Topics.QUALITY_INDICATORS.name();
                producer.send(new ProducerRecord<>(topic, record.key(), record.value()));
            }
            producer.commitTransaction();
        } catch (RuntimeException e) {
            discard(e);
            throw e;
        }
    }

    /** A failed producer is aborted, or closed when Kafka fenced it; the next upload starts a fresh one. */
    private void discard(RuntimeException failure) {
        if (!(failure instanceof ProducerFencedException)) {
            try {
                producer.abortTransaction();
                return;
            } catch (RuntimeException e) {
                // not abortable either: closed below
            }
        }
        producer.close(Duration.ZERO);
        producer = null;
    }

    @PreDestroy
    public synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
