package dk.rm.patientsafety.testkit;

import dk.rm.patientsafety.topics.Topic;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import dk.rm.patientsafety.service.ClientConfigs;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

import java.time.Instant;
import java.util.Properties;

/** A TopologyTestDriver that speaks in the platform's typed topics, with an in-memory registry holding their schemas. */
public final class TopologyTestKit implements AutoCloseable {

    private final InMemorySchemaRegistryClient registry = InMemorySchemaRegistryClient.withSchemasOf(Topics.ALL);
    private TopologyTestDriver driver;

    public InMemorySchemaRegistryClient registry() {
        return registry;
    }

    /** Starts the driver with the platform's exactly-once setting, as the services run. */
    public TopologyTestKit start(Topology topology, String applicationId) {
        return start(topology, applicationId, Instant.now());
    }

    /** As {@link #start(Topology, String)}, with the driver's wall clock (for wall-clock punctuations) set to {@code wallClock}. */
    public TopologyTestKit start(Topology topology, String applicationId, Instant wallClock) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Without the record cache every update is forwarded at once, so a test sees each output it caused.
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        // As in production: a record a processor fails on becomes a dead letter.
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        config.putAll(ClientConfigs.deadLettering(registry));
        // A directory of its own, so two drivers of one application can run side by side (e.g. to compare them).
        try {
            config.put(StreamsConfig.STATE_DIR_CONFIG, java.nio.file.Files.createTempDirectory("topology-test-").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(topology, config, wallClock);
        return this;
    }

    public <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde(registry).serializer());
    }

    /** Writes arbitrary bytes as values, to test what a topology does with records it cannot decode. */
    public <K> TestInputTopic<K, byte[]> rawInput(Topic<K, ?> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), Serdes.ByteArray().serializer());
    }

    public <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde(registry).deserializer());
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.close();
        }
    }
}
