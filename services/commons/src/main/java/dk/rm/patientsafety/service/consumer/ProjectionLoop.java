package dk.rm.patientsafety.service.consumer;

import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.service.DeadLetters;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds one topic into a projection (a database, a delivery channel) so that no record can stop it: a record that
 * cannot be decoded or is poison goes to the dead letters with the reason and the loop goes on; any other failure
 * (the database is down) is retried, from the same record, with a growing pause, and shows as {@link State#RETRYING}.
 * Offsets are committed only after a record is handled or dead-lettered, so a crash re-applies, never skips.
 */
public final class ProjectionLoop<V> implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionLoop.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** What the loop is doing now, for health. */
    public enum State { STARTING, RUNNING, RETRYING, STOPPED }

    /** The loop's state and, when not running, why. */
    public record Status(State state, String reason, Instant since) {
    }

    private final String name;
    private final String topic;
    private final org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
    private final Deserializer<V> deserializer;
    private final java.util.function.Consumer<V> handler;
    private final Producer<String, DeadLetter> deadLetters;
    private final String deadLetterTopic;
    private final Clock clock;
    private final java.util.function.Consumer<String> deadLetterCounter;
    private volatile Status status;
    private volatile boolean running = true;
    private volatile long superseded;
    private java.util.function.Consumer<Runnable> batchScope;
    private Supersession<V> supersession = (later, earlier) -> false;

    /** Whether a record's later value, same key and same poll, makes storing its earlier one pointless. */
    @FunctionalInterface
    public interface Supersession<V> {
        boolean supersedes(V later, V earlier);
    }

    public ProjectionLoop(String name, String topic, org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer,
                          Deserializer<V> deserializer, java.util.function.Consumer<V> handler, Producer<String, DeadLetter> deadLetters,
                          String deadLetterTopic, Clock clock, java.util.function.Consumer<String> deadLetterCounter) {
        this.name = name;
        this.topic = topic;
        this.consumer = consumer;
        this.deserializer = deserializer;
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.deadLetterTopic = deadLetterTopic;
        this.clock = clock;
        this.deadLetterCounter = deadLetterCounter;
        this.status = new Status(State.STARTING, "not yet polled", clock.instant());
    }

    /**
     * Handles each poll's records together inside {@code scope} (a database transaction: one commit for the batch). If
     * the batch fails, for any record, it is handled again record by record, so a poison record is still dead-lettered
     * alone and the others stored.
     */
    public ProjectionLoop<V> inBatches(java.util.function.Consumer<Runnable> scope) {
        this.batchScope = scope;
        return this;
    }

    /**
     * As {@link #inBatches(java.util.function.Consumer)}, and a value that the next one of its key in the same poll
     * {@code supersedes} is not handled at all: a projection that has fallen behind catches up faster the further
     * behind it is, because the more a poll holds, the more of it is superseded.
     */
    public ProjectionLoop<V> inBatches(java.util.function.Consumer<Runnable> scope, Supersession<V> supersession) {
        this.supersession = supersession;
        return inBatches(scope);
    }

    /** What health reports of this loop, called {@code what} ("alert projection"): nothing while it starts or runs. */
    public java.util.Optional<String> problem(String what) {
        Status now = status();
        return switch (now.state()) {
            case STARTING, RUNNING -> java.util.Optional.empty();
            case RETRYING, STOPPED -> java.util.Optional.of(what + " " + now.state().name().toLowerCase(java.util.Locale.ROOT)
                    + " since " + now.since() + ": " + now.reason());
        };
    }

    public Status status() {
        return status;
    }

    @Override
    public void run() {
        Duration backoff = Duration.ofMillis(200);
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    if (status.state() != State.RETRYING) {
                        running(State.RUNNING);
                    }
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                RuntimeException failure = null;
                if (batchScope != null && records.count() > 1 && handledAsBatch(records)) {
                    records.forEach(record -> done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1)));
                    consumer.commitSync(done);
                    running(State.RUNNING);
                    continue;
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    try {
                        handle(record);
                    } catch (RuntimeException e) {
                        failure = e;
                        rewind(records, done);
                        break;
                    }
                    done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
                if (failure == null) {
                    backoff = Duration.ofMillis(200);
                    running(State.RUNNING);
                } else {
                    String reason = failure.getClass().getSimpleName() + " (retrying in " + backoff.toMillis() + " ms)";
                    // The kind only: a database error message may quote the row, and so the report.
                    LOG.warn("{}: handling a record failed, retrying from it: {}", name, reason);
                    status = new Status(State.RETRYING, reason, clock.instant());
                    Thread.sleep(backoff.toMillis());
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // shutting down
        } catch (RuntimeException | Error e) {
            // Only the consumer itself can end up here (authorisation, a fenced group member): health reports it.
            LOG.error("{} stopped; its projection is no longer kept up to date", name, e);
            status = new Status(State.STOPPED, e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
            return;
        } finally {
            // A static member stays in its group after a plain close; leaving hands its partitions over at once.
            consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        }
        status = new Status(State.STOPPED, "shut down", clock.instant());
    }

    private void running(State state) {
        if (status.state() != state) {
            status = new Status(state, null, clock.instant());
        }
    }

    /** The batch in one scope; false (the scope rolled back) if any record failed, to be handled one by one. */
    private boolean handledAsBatch(ConsumerRecords<String, byte[]> records) {
        try {
            List<V> values = new ArrayList<>(records.count());
            List<String> keys = new ArrayList<>(records.count());
            for (ConsumerRecord<String, byte[]> record : records) {
                values.add(record.value() == null ? null : deserializer.deserialize(record.topic(), record.value()));
                keys.add(record.key());
            }
            List<V> needed = unsuperseded(keys, values);
            batchScope.accept(() -> needed.forEach(handler));
            superseded += values.size() - needed.size();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The values in order, less each one the next value of its key supersedes. */
    private List<V> unsuperseded(List<String> keys, List<V> values) {
        Map<String, V> next = new HashMap<>();
        boolean[] skip = new boolean[values.size()];
        for (int i = values.size() - 1; i >= 0; i--) {
            String key = keys.get(i);
            V value = values.get(i);
            if (key != null) {
                V later = next.put(key, value);
                skip[i] = later != null && value != null && supersession.supersedes(later, value);
            }
        }
        List<V> needed = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            if (!skip[i]) {
                needed.add(values.get(i));
            }
        }
        return needed;
    }

    /** How many values were not handled because a later one of their key superseded them. */
    public long superseded() {
        return superseded;
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        V value;
        try {
            value = record.value() == null ? null : deserializer.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            DeadLetters.DecodeFailure failure = DeadLetters.decodeFailure(topic + " value", e);
            deadLetter(record, failure.code(), failure.reason());
            return;
        }
        try {
            handler.accept(value);
        } catch (PoisonRecordException e) {
            deadLetter(record, e.reasonCode(), e.getMessage());
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String code, String reason) {
        DeadLetter letter = DeadLetters.of(name, record, code, reason, clock.instant());
        try {
            // Waiting for the broker keeps "dead-lettered" true before the offset is committed past the record.
            deadLetters.send(new ProducerRecord<>(deadLetterTopic, record.key(), letter)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Cannot write a dead letter", e.getCause());
        }
        deadLetterCounter.accept(code);
        LOG.warn("{}: record {}-{}@{} dead-lettered ({})", name, record.topic(), record.partition(), record.offset(), code);
    }

    /** Seeks every partition of the batch back to its first record not yet handled, so the next poll retries it. */
    private void rewind(ConsumerRecords<String, byte[]> records, Map<TopicPartition, OffsetAndMetadata> done) {
        for (TopicPartition partition : records.partitions()) {
            OffsetAndMetadata handled = done.get(partition);
            consumer.seek(partition, handled != null ? handled.offset() : records.records(partition).get(0).offset());
        }
    }

    /** Ends the loop; the consumer is closed by the loop's own thread. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }
}
