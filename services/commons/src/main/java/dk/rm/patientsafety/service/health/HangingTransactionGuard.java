package dk.rm.patientsafety.service.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import dk.rm.patientsafety.service.KafkaClientsFactory;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds and aborts hanging transactions: a transaction still open on a partition although its coordinator no longer
 * tracks it (it ended, or was never recorded). Nothing else ever closes it, and until it is closed every read-committed
 * consumer of the partition, and every stream whose offsets it holds, stands still. This is what
 * {@code kafka-transactions.sh find-hanging} finds, and {@code abort} closes, done by itself: each finding is logged
 * and counted ({@code kafka_transactions_hanging}, {@code kafka_transactions_aborted_total}).
 */
@Context
@Requires(property = "kafka.transaction-guard.enabled", notEquals = "false")
public class HangingTransactionGuard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HangingTransactionGuard.class);
    /** The coordinator is still completing these; their markers are on the way. */
    private static final Set<TransactionState> IN_FLIGHT = EnumSet.of(TransactionState.ONGOING, TransactionState.PREPARE_COMMIT,
            TransactionState.PREPARE_ABORT, TransactionState.PREPARE_EPOCH_FENCE);
    private static final String TRANSACTION_STATE_TOPIC = "__transaction_state";

    /** An open transaction on a partition that no coordinator will finish. */
    public record Hanging(TopicPartition partition, long producerId, int producerEpoch, int coordinatorEpoch, long openSinceOffset) {
    }

    /** One open transaction as a partition shows it; the same key seen again means it has not moved. */
    private record Sighting(TopicPartition partition, long producerId, int producerEpoch, long startOffset) {
    }

    private final Map<Sighting, Instant> firstSeen = new java.util.concurrent.ConcurrentHashMap<>();
    private final Admin admin;
    private final Duration abortAfter;
    private final Clock clock;
    private final AtomicInteger found = new AtomicInteger();
    private final Counter aborted;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hanging-transaction-guard");
        thread.setDaemon(true);
        return thread;
    });

    public HangingTransactionGuard(@Named(KafkaClientsFactory.TRANSACTION_GUARD) Admin admin, MeterRegistry metrics,
                                   @Value("${kafka.transaction-guard.abort-after:30s}") Duration abortAfter,
                                   @Value("${kafka.transaction-guard.interval:10s}") Duration interval) {
        this(admin, metrics, abortAfter, Clock.systemUTC());
        scheduler.scheduleWithFixedDelay(this::guard, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    HangingTransactionGuard(Admin admin, MeterRegistry metrics, Duration abortAfter, Clock clock) { // checks run by the caller
        this.admin = admin;
        this.abortAfter = abortAfter;
        this.clock = clock;
        metrics.gauge("kafka.transactions.hanging", found);
        this.aborted = metrics.counter("kafka.transactions.aborted");
    }

    private volatile boolean warnedDenied;

    private static boolean isDenied(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.kafka.common.errors.AuthorizationException) {
                return true;
            }
        }
        return false;
    }

    void guard() {
        try {
            List<Hanging> hanging = find();
            found.set(hanging.size());
            hanging.forEach(this::abort);
        } catch (Exception e) {
            if (isDenied(e) && !warnedDenied) {
                warnedDenied = true;
                LOG.warn("The hanging-transaction guard is denied by Kafka's ACLs; give it the transaction-guard account "
                        + "(kafka.transaction-guard.username/password): {}", e.getMessage());
            }
            LOG.debug("Hanging-transaction check failed; trying again later", e);
        }
    }

    /**
     * Open transactions that have stood still (same producer, epoch and start offset) for longer than the allowed time and
     * that their coordinator does not have in flight. Time is measured by this guard's own sightings, not by the records'
     * timestamps: a stream writes its input's event time, which may be years old in a live transaction.
     */
    public List<Hanging> find() throws Exception {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(10, TimeUnit.SECONDS);
        topics.remove(TRANSACTION_STATE_TOPIC);
        List<TopicPartition> partitions = new ArrayList<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
            topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
        }
        Instant now = clock.instant();
        Set<Sighting> open = new java.util.HashSet<>();
        List<Hanging> hanging = new ArrayList<>();
        var producers = admin.describeProducers(partitions).all().get(10, TimeUnit.SECONDS);
        for (var entry : producers.entrySet()) {
            for (ProducerState producer : entry.getValue().activeProducers()) {
                if (producer.currentTransactionStartOffset().isEmpty()) {
                    continue;
                }
                Sighting sighting = new Sighting(entry.getKey(), producer.producerId(), producer.producerEpoch(),
                        producer.currentTransactionStartOffset().getAsLong());
                open.add(sighting);
                Instant since = firstSeen.computeIfAbsent(sighting, s -> now);
                if (!since.plus(abortAfter).isAfter(now) && !inFlight(entry.getKey(), producer)) {
                    hanging.add(new Hanging(entry.getKey(), producer.producerId(), producer.producerEpoch(),
                            producer.coordinatorEpoch().orElse(0), sighting.startOffset()));
                }
            }
        }
        firstSeen.keySet().retainAll(open);
        return hanging;
    }

    /**
     * Whether the producer's coordinator is still working on this transaction. The age check alone cannot tell: a
     * record's timestamp may be old (replayed history), so the coordinator's own word decides.
     */
    private boolean inFlight(TopicPartition partition, ProducerState producer) throws Exception {
        Collection<TransactionListing> listings = admin.listTransactions(new ListTransactionsOptions()
                .filterProducerIds(Set.of(producer.producerId()))).all().get(10, TimeUnit.SECONDS);
        if (listings.isEmpty()) {
            return false;
        }
        List<String> ids = listings.stream().map(TransactionListing::transactionalId).toList();
        Map<String, TransactionDescription> descriptions = admin.describeTransactions(ids).all().get(10, TimeUnit.SECONDS);
        return descriptions.values().stream().anyMatch(d -> d.producerId() == producer.producerId()
                && IN_FLIGHT.contains(d.state())
                && (d.state() != TransactionState.ONGOING || d.topicPartitions().contains(partition) && d.producerEpoch() == producer.producerEpoch()));
    }

    private void abort(Hanging hanging) {
        try {
            admin.abortTransaction(new AbortTransactionSpec(hanging.partition(), hanging.producerId(), (short) hanging.producerEpoch(),
                    hanging.coordinatorEpoch())).all().get(10, TimeUnit.SECONDS);
            aborted.increment();
            LOG.warn("Aborted a hanging transaction on {} (producer {} epoch {}, open since offset {}): its coordinator no longer "
                    + "tracked it, and it blocked every read-committed reader of the partition", hanging.partition(), hanging.producerId(),
                    hanging.producerEpoch(), hanging.openSinceOffset());
        } catch (Exception e) {
            LOG.warn("Could not abort the hanging transaction on {} (producer {} epoch {}); trying again later",
                    hanging.partition(), hanging.producerId(), hanging.producerEpoch(), e);
        }
    }

    @Override
    @PreDestroy
    public void close() {
        scheduler.shutdownNow();
    }
}
