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

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Runs one Kafka Streams topology for the lifetime of its Micronaut context. */
public class StreamsService implements AutoCloseable, WatchedConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);

    private final KafkaStreams streams;
    private final String applicationId;

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
        this.streams.start();
        LOG.info("Kafka Streams application {} started", applicationId);
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
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30)).withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        LOG.info("Kafka Streams application {} stopped", applicationId);
    }
}
