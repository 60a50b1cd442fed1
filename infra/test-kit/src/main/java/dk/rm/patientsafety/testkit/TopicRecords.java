package dk.rm.patientsafety.testkit;

import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.topics.KafkaLogin;
import dk.rm.patientsafety.topics.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/** Reads a topic from the beginning, as a downstream consumer would (committed records only). */
public final class TopicRecords {

    private TopicRecords() {
    }

    /** Reads until {@code done} holds for what was read, or fails after {@code timeout}. */
    public static <K, V> List<ConsumerRecord<K, V>> readUntil(KafkaLogin login, Topic<K, V> topic, SchemaRegistryClient registry,
                                                                 Predicate<List<ConsumerRecord<K, V>>> done, Duration timeout) {
        Map<String, Object> config = login.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Deserializer<V> values = topic.valueSerde(registry).deserializer();
        try (KafkaConsumer<K, byte[]> consumer = new KafkaConsumer<>(config, topic.keySerde().deserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<K, V>> read = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            while (!done.test(read)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Topic " + topic.name() + ": condition not met within " + timeout + "; read " + read.size() + " records");
                }
                for (ConsumerRecord<K, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    decoded(record, values).ifPresent(read::add);
                }
            }
            return read;
        }
    }

    /**
     * A downstream reader survives poison as the platform's own consumers do: a record another test put on the topic on
     * purpose, undecodable, is passed over (the platform dead-letters it; tests of that read the dead letters).
     */
    private static <K, V> Optional<ConsumerRecord<K, V>> decoded(ConsumerRecord<K, byte[]> record, Deserializer<V> values) {
        V value;
        try {
            value = values.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            return Optional.empty();
        }
        return Optional.of(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), record.key(), value,
                record.headers(), record.leaderEpoch()));
    }

    /** Writes the records with an idempotent producer and waits until each is acknowledged. */
    public static <K, V> void send(KafkaLogin login, Topic<K, V> topic, SchemaRegistryClient registry, Map<K, V> records) {
        Map<String, Object> config = login.clientConfig();
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<K, V> producer = new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde(registry).serializer())) {
            for (Map.Entry<K, V> record : records.entrySet()) {
                producer.send(new ProducerRecord<>(topic.name(), record.getKey(), record.getValue())).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic.name(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send to " + topic.name(), e.getCause());
        }
    }
}
