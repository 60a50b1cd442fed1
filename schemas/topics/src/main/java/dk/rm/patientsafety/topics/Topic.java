package dk.rm.patientsafety.topics;

import dk.rm.patientsafety.serde.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One topic with everything needed to use it: its name, its key and value serdes, its value schema
 * (registered at start-up) and its configuration. Code names topics only through these objects.
 */
public final class Topic<K, V> {

    private final String name;
    private final Serde<K> keySerde;
    private final Function<SchemaRegistryClient, Serde<V>> valueSerdeFactory;
    private final Function<SchemaRegistryClient, Serde<V>> stateSerdeFactory;
    private final Schema valueSchema;
    private final int partitions;
    private final Map<String, String> config;

    Topic(String name, Serde<K> keySerde, Function<SchemaRegistryClient, Serde<V>> valueSerdeFactory,
          Function<SchemaRegistryClient, Serde<V>> stateSerdeFactory, Schema valueSchema, int partitions, Map<String, String> config) {
        this.name = name;
        this.keySerde = keySerde;
        this.valueSerdeFactory = valueSerdeFactory;
        this.stateSerdeFactory = stateSerdeFactory;
        this.valueSchema = valueSchema;
        this.partitions = partitions;
        this.config = Map.copyOf(config);
    }

    public String name() {
        return name;
    }

    public Serde<K> keySerde() {
        return keySerde;
    }

    /** The value serde, bound to a registry; Avro values use the Confluent wire format. */
    public Serde<V> valueSerde(SchemaRegistryClient registry) {
        return valueSerdeFactory.apply(registry);
    }

    /**
     * A serde for this topic's values in a Kafka Streams state store. A store's changelog is the application's
     * own internal topic, so its subject is registered on first use, as Confluent's Streams serdes do; the
     * platform's shared topics are only ever looked up.
     */
    public Serde<V> stateSerde(SchemaRegistryClient registry) {
        return stateSerdeFactory.apply(registry);
    }

    /** The Avro schema registered for the values, if the values are Avro. */
    public Optional<Schema> valueSchema() {
        return Optional.ofNullable(valueSchema);
    }

    public int partitions() {
        return partitions;
    }

    public Map<String, String> config() {
        return config;
    }

    /** The topic as the admin client creates it; a multi-node cluster also gets a safe min.insync.replicas. */
    public NewTopic newTopic(short replicationFactor) {
        Map<String, String> effective = new HashMap<>(config);
        if (replicationFactor >= 3) {
            effective.putIfAbsent("min.insync.replicas", "2");
        }
        return new NewTopic(name, partitions, replicationFactor).configs(effective);
    }

    @Override
    public String toString() {
        return name;
    }
}
