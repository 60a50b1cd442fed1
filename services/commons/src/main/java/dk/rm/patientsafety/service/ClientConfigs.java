package dk.rm.patientsafety.service;

import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.HashMap;
import java.util.Map;

/** The client settings the platform insists on: idempotent producers, committed reads, exactly-once streams. */
public final class ClientConfigs {

    private ClientConfigs() {
    }

    public static Map<String, Object> producer(KafkaSettings kafka, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.putAll(kafka.login().clientConfig());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return config;
    }

    /** A consumer that reads only committed records and commits offsets itself, after processing. */
    /** The settings that make a stream dead-letter a record its processors fail on, instead of stopping on it. */
    public static Map<String, Object> deadLettering(SchemaRegistryClient registry) {
        return Map.of(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringProcessingHandler.class,
                DeadLetteringProcessingHandler.SERIALIZER_CONFIG, Topics.DEAD_LETTERS.valueSerde(registry).serializer());
    }

    public static Map<String, Object> consumer(KafkaSettings kafka, String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.putAll(kafka.login().clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupId + "-" + kafka.getInstanceId());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    /** Exactly-once streams whose poison records become dead letters, written with the service's registry client. */
    public static Map<String, Object> streams(KafkaSettings kafka, SchemaRegistryClient registry, String applicationId) {
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.putAll(kafka.login().clientConfig());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, kafka.getCommitIntervalMs());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.getReplicationFactor());
        config.put(StreamsConfig.STATE_DIR_CONFIG, kafka.getStateDir());
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // A static member: after a crash the restarted instance takes its own tasks back at once, instead of the group
        // waiting a session timeout (45 s) for the dead member. Streams adds the thread's number to the id.
        config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), applicationId + "-" + kafka.getInstanceId());
        // The behaviour Kafka 5.0 makes the default; opting in now keeps upgrades uneventful.
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        config.putAll(deadLettering(registry));
        return config;
    }
}
