package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.topics.Topics;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The registry's store: the compacted topic {@link Topics#SCHEMAS}, kept the way Confluent's KafkaStore keeps
 * it. At start-up the topic is read to its end before the registry serves (this bean is eager, so the HTTP
 * server starts after it); a write produces a record and returns once the registry's own consumer has applied
 * it, so every answer reflects the topic.
 * <p>
 * Single node: there is no leader election. {@link SchemaRegistry} serializes writes within this process, and
 * ids are derived from what this process has read, so two registries writing to one topic at the same time
 * could hand out the same id. Run one registry per cluster.
 */
@Context
final class KafkaSchemaLog implements SchemaLog, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaLog.class);
    private static final TopicPartition PARTITION = new TopicPartition(Topics.SCHEMAS.name(), 0);
    private static final Duration POLL = Duration.ofMillis(200);

    private final RegistryState state;
    private final Duration writeTimeout;
    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final Thread reader;
    private final Object progress = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean running = true;
    private long nextOffsetToApply; // guarded by progress

    KafkaSchemaLog(KafkaSettings kafka, RegistrySettings settings, RegistryState state, Admin admin) {
        this.state = state;
        this.writeTimeout = settings.getWriteTimeout();
        ensureTopic(admin, kafka.getReplicationFactor(), settings.getStartupTimeout());
        this.consumer = new KafkaConsumer<>(consumerConfig(kafka), new StringDeserializer(), new StringDeserializer());
        this.producer = new KafkaProducer<>(producerConfig(kafka, writeTimeout), new StringSerializer(), new StringSerializer());
        this.reader = new Thread(this::readUntilClosed, "schema-store-reader");
        this.reader.setDaemon(true);
        try {
            consumer.assign(List.of(PARTITION));
            consumer.seekToBeginning(List.of(PARTITION));
            long end = consumer.endOffsets(List.of(PARTITION), settings.getStartupTimeout()).get(PARTITION);
            reader.start();
            if (!awaitApplied(end, settings.getStartupTimeout())) {
                throw new IllegalStateException("Could not read " + PARTITION + " to its end (offset " + end + ") within " + settings.getStartupTimeout());
            }
            LOG.info("Schema store {} loaded up to offset {}", PARTITION, end);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void append(StoreRecord record) {
        StoreCodec.Encoded encoded = StoreCodec.encode(record);
        RecordMetadata written;
        try {
            written = producer.send(new ProducerRecord<>(PARTITION.topic(), PARTITION.partition(), encoded.key(), encoded.value()))
                    .get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw RegistryException.storeTimeout("Kafka did not acknowledge the write within " + writeTimeout);
        } catch (ExecutionException e) {
            throw RegistryException.storeError("Kafka rejected the write: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.storeError("interrupted while writing", e);
        } catch (KafkaException e) { // thrown by send() itself, e.g. when the producer cannot be used any more
            throw RegistryException.storeError("cannot write to Kafka: " + e.getMessage(), e);
        }
        if (!awaitApplied(written.offset() + 1, writeTimeout)) {
            throw RegistryException.storeTimeout("the write was not read back within " + writeTimeout);
        }
    }

    @Override
    @PreDestroy
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        running = false;
        consumer.wakeup();
        if (reader.isAlive()) {
            try {
                reader.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            consumer.close(); // the reader never started, so it cannot close it
        }
        producer.close(Duration.ofSeconds(5));
    }

    /** The reader thread: applies every record in offset order, and is the only user of the consumer. */
    private void readUntilClosed() {
        try {
            while (running) {
                try {
                    for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                        apply(record);
                    }
                    long position = consumer.position(PARTITION, writeTimeout);
                    synchronized (progress) {
                        nextOffsetToApply = position;
                        progress.notifyAll();
                    }
                } catch (WakeupException e) {
                    // close() asked us to stop; the loop condition ends it
                } catch (RuntimeException e) {
                    LOG.error("Reading schema store {} failed; retrying", PARTITION, e);
                    pause();
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        try {
            StoreCodec.decode(record.key(), record.value()).ifPresent(state::apply);
        } catch (IllegalArgumentException e) {
            // The record's content is not logged: it is not ours to dump, and the offset is enough to find it.
            LOG.warn("Skipping unreadable record at offset {} of {}: {}", record.offset(), PARTITION, e.getMessage());
        }
    }

    private boolean awaitApplied(long offset, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (nextOffsetToApply < offset) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    return false;
                }
                try {
                    progress.wait(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private static void ensureTopic(Admin admin, short replicationFactor, Duration timeout) {
        try {
            if (created(admin.createTopics(List.of(Topics.SCHEMAS.newTopic(replicationFactor))).all(), timeout)) {
                LOG.info("Created schema store topic {}", Topics.SCHEMAS);
            } else {
                requireSinglePartition(admin, timeout);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create or describe schema store topic " + Topics.SCHEMAS, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating schema store topic " + Topics.SCHEMAS, e);
        }
    }

    /** True if created, false if it already existed (another start-up, or an earlier one, created it). */
    private static boolean created(KafkaFuture<Void> creation, Duration timeout) throws ExecutionException, TimeoutException, InterruptedException {
        try {
            creation.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
    }

    /** The log's order is the registry's history, and only a single partition has one order. */
    private static void requireSinglePartition(Admin admin, Duration timeout) throws ExecutionException, TimeoutException, InterruptedException {
        TopicDescription description = admin.describeTopics(List.of(Topics.SCHEMAS.name())).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(Topics.SCHEMAS.name());
        if (description.partitions().size() != 1) {
            throw new IllegalStateException("Schema store topic " + Topics.SCHEMAS + " must have exactly 1 partition, has "
                    + description.partitions().size());
        }
    }

    private static Map<String, Object> consumerConfig(KafkaSettings kafka) {
        Map<String, Object> config = ClientConfigs.consumer(kafka, "schema-registry");
        // The partition is assigned, not subscribed, and always read from the start: no group, no committed offsets.
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return config;
    }

    private static Map<String, Object> producerConfig(KafkaSettings kafka, Duration writeTimeout) {
        Map<String, Object> config = ClientConfigs.producer(kafka, "schema-registry-store");
        // A registry without Kafka should answer 500 promptly rather than block a request for a minute.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, writeTimeout.toMillis());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return config;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
