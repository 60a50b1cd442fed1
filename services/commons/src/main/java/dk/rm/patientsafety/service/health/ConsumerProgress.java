package dk.rm.patientsafety.service.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Watches, through the admin client, whether each of the service's consumer groups moves while records wait for it.
 * A stream can say RUNNING while it makes no progress (a transaction left open on a partition it reads or commits to
 * blocks it for good), so its own state is not enough: what counts is whether its committed offsets move. Publishes
 * each group's lag ({@code kafka_consumer_group_lag}) and seconds without progress.
 */
@Singleton
public class ConsumerProgress implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerProgress.class);
    /** With exactly-once, a transaction marker follows the last record: one offset of lag is not a waiting record. */
    private static final long MARKER_SLACK = 1;

    /** A group's progress at the last check: its committed offsets, what waits beyond them, and when they last moved. */
    public record Snapshot(Map<TopicPartition, Long> offsets, long lag, Instant lastMove, Instant checkedAt) {
    }

    private final Admin admin;
    private final List<WatchedConsumer> consumers;
    private final Duration stallAfter;
    private final Clock clock;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "consumer-progress");
        thread.setDaemon(true);
        return thread;
    });

    public ConsumerProgress(Admin admin, List<WatchedConsumer> consumers, MeterRegistry metrics,
                            @Value("${health.stall-after:90s}") Duration stallAfter,
                            @Value("${health.check-interval:10s}") Duration interval) {
        this(admin, consumers, stallAfter, Clock.systemUTC());
        for (WatchedConsumer consumer : consumers) {
            Gauge.builder("kafka.consumer.group.lag", () -> snapshot(consumer.groupId()).map(Snapshot::lag).orElse(0L))
                    .tag("group", consumer.groupId()).register(metrics);
            Gauge.builder("kafka.consumer.group.seconds.without.progress",
                            () -> snapshot(consumer.groupId()).map(s -> Duration.between(s.lastMove(), s.checkedAt()).toSeconds()).orElse(0L))
                    .tag("group", consumer.groupId()).register(metrics);
        }
        scheduler.scheduleWithFixedDelay(this::checkAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    ConsumerProgress(Admin admin, List<WatchedConsumer> consumers, Duration stallAfter, Clock clock) { // checks run by the caller
        this.admin = admin;
        this.consumers = consumers;
        this.stallAfter = stallAfter;
        this.clock = clock;
    }

    public Optional<Snapshot> snapshot(String groupId) {
        return Optional.ofNullable(snapshots.get(groupId));
    }

    /** Why the group is stalled, or empty: records wait, and its offsets have not moved for longer than allowed. */
    public Optional<String> stall(String groupId) {
        Snapshot snapshot = snapshots.get(groupId);
        if (snapshot == null || snapshot.lag() == 0) {
            return Optional.empty();
        }
        Duration still = Duration.between(snapshot.lastMove(), snapshot.checkedAt());
        return still.compareTo(stallAfter) > 0
                ? Optional.of("no progress for " + still.toSeconds() + " s while " + snapshot.lag() + " records wait")
                : Optional.empty();
    }

    void checkAll() {
        for (WatchedConsumer consumer : consumers) {
            try {
                check(consumer.groupId());
            } catch (Exception e) {
                // The broker may be away for a moment; the last snapshot stands until the next check.
                LOG.debug("Progress check of {} failed", consumer.groupId(), e);
            }
        }
    }

    void check(String groupId) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = committed.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        long lag = 0;
        if (!offsets.isEmpty()) {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(offsets.keySet().stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get(5, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, Long> entry : offsets.entrySet()) {
                long waiting = ends.get(entry.getKey()).offset() - entry.getValue();
                lag += waiting > MARKER_SLACK ? waiting : 0;
            }
        }
        Instant now = clock.instant();
        Snapshot last = snapshots.get(groupId);
        boolean moved = last == null || !offsets.equals(last.offsets()) || lag == 0;
        snapshots.put(groupId, new Snapshot(offsets, lag, moved ? now : last.lastMove(), now));
    }

    @Override
    @PreDestroy
    public void close() {
        scheduler.shutdownNow();
    }
}
