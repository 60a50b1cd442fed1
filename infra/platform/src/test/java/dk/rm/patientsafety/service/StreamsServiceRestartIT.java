package dk.rm.patientsafety.service;

import dk.rm.patientsafety.kafka.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a real broker: local state left by a run that did not stop cleanly is deleted before the stream starts (it may
 * hold writes of aborted transactions), and state left by a clean stop is kept.
 */
class StreamsServiceRestartIT {

    private static final String APPLICATION = "restart-probe";
    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.startEphemeral();
        try (Admin admin = Admin.create(broker.adminConfig())) {
            admin.createTopics(List.of(new NewTopic("restart-probe-in", 1, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void stateOfARunThatDiedIsRebuiltAndStateOfACleanStopIsKept() throws Exception {
        Path leftover = stateDir.resolve(APPLICATION).resolve("0_0").resolve("written-by-an-aborted-transaction");
        Path marker = stateDir.resolve(APPLICATION + ".running");

        StreamsService first = started();
        assertTrue(Files.exists(marker), "a running stream marks its state as in use");
        first.close();
        assertFalse(Files.exists(marker), "a clean stop removes the mark");

        Files.createDirectories(leftover.getParent());
        Files.writeString(leftover, "kept");
        started().close();
        assertTrue(Files.exists(leftover), "state of a clean stop is kept");

        Files.writeString(marker, "the last run was killed");
        StreamsService afterCrash = started();
        try {
            assertFalse(Files.exists(leftover), "state of a run that died is deleted before the stream starts");
            assertTrue(Files.exists(marker));
        } finally {
            afterCrash.close();
        }
    }

    private StreamsService started() throws InterruptedException {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("restart-probe-in", Consumed.with(Serdes.String(), Serdes.String()))
                .groupByKey().count(Materialized.as("probe-counts"));
        Topology topology = builder.build();
        Map<String, Object> config = new HashMap<>(broker.adminConfig());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        StreamsService service = new StreamsService(topology, config);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (service.state() != KafkaStreams.State.RUNNING && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertTrue(service.state() == KafkaStreams.State.RUNNING, "running: " + service.state());
        return service;
    }
}
