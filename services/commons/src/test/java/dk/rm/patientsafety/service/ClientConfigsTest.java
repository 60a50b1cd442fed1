package dk.rm.patientsafety.service;

import dk.rm.patientsafety.serde.SchemaRegistryClient;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientConfigsTest {

    /** Building the settings asks the registry nothing. */
    private static final SchemaRegistryClient UNUSED = (SchemaRegistryClient) Proxy.newProxyInstance(
            ClientConfigsTest.class.getClassLoader(), new Class<?>[] {SchemaRegistryClient.class}, (proxy, method, args) -> {
                throw new AssertionError("the registry was called: " + method.getName());
            });

    @Test
    void streamsAreExactlyOnceAndCommitEvery100MsUnlessKafkaCommitIntervalMsSaysOtherwise() {
        KafkaSettings kafka = new KafkaSettings();
        kafka.setInstanceId("test");
        Map<String, Object> defaults = ClientConfigs.streams(kafka, UNUSED, "uth-test");
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, defaults.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals(100L, defaults.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));

        kafka.setCommitIntervalMs(30);
        assertEquals(30L, ClientConfigs.streams(kafka, UNUSED, "uth-test").get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
    }
}
