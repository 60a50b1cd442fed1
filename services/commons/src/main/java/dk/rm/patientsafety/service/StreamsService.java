package dk.rm.patientsafety.service;

import jakarta.annotation.PreDestroy;
import org.apache.kafka.streams.CloseOptions;
import dk.rm.patientsafety.service.health.WatchedConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Runs one Kafka Streams topology for the lifetime of its Micronaut context. */
public class StreamsService implements AutoCloseable, WatchedConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);

    private final KafkaStreams streams;
    private final String applicationId;
    private final Path runningMarker;

    public StreamsService(Topology topology, Map<String, Object> config) {
        Properties props = new Properties();
        props.putAll(config);
        this.applicationId = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        this.streams = new KafkaStreams(topology, props);
        // A poison record must not kill the service silently; the thread is replaced and the error logged.
        this.streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Stream thread of {} failed; replacing it", applicationId, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        this.runningMarker = runningMarker(props);
        startClean();
        LOG.info("Kafka Streams application {} started", applicationId);
    }

    /**
     * The marker says this application's local state is in use; only a clean close removes it. Found at start, it means
     * the last run died (SIGKILL, power loss) and its RocksDB stores may hold writes of transactions that were aborted: a
     * memtable flushed in the background outlives the abort, and Kafka Streams does not catch every such case (on
     * 4.3.1 a crash under load once left report ids in intake's de-duplication store that no committed transaction
     * wrote, and those reports were then dropped as resubmissions). So the local state is deleted and rebuilt from the
     * changelogs, which hold committed writes only.
     */
    private static Path runningMarker(Properties props) {
        String stateDir = props.getProperty(StreamsConfig.STATE_DIR_CONFIG);
        return stateDir == null ? null
                : Path.of(stateDir, props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG) + ".running");
    }

    private void startClean() {
        if (runningMarker != null) {
            try {
                if (Files.exists(runningMarker)) {
                    LOG.warn("Kafka Streams application {} did not stop cleanly; its local state is rebuilt from the changelogs",
                            applicationId);
                    streams.cleanUp();
                }
                Files.createDirectories(runningMarker.getParent());
                Files.writeString(runningMarker, Instant.now().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot mark the state of " + applicationId + " as in use", e);
            }
        }
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public String groupId() {
        return applicationId;
    }

    /** Anything but RUNNING is reported: starting or rebalancing (not ready yet) as much as failed or stopped. */
    @Override
    public Optional<String> problem() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.RUNNING ? Optional.empty() : Optional.of("stream " + applicationId + " is " + state);
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    @PreDestroy
    public void close() {
        // Leaving the group hands this instance's partitions over at once instead of after the session timeout.
        boolean closed = streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        if (closed && streams.state() == KafkaStreams.State.NOT_RUNNING && runningMarker != null) {
            try {
                Files.deleteIfExists(runningMarker);
            } catch (IOException e) {
                LOG.warn("Could not remove the running marker of {}; its state is rebuilt at the next start", applicationId, e);
            }
        }
        LOG.info("Kafka Streams application {} stopped{}", applicationId, closed ? "" : " (not cleanly: its state is rebuilt at the next start)");
    }
}
