package dk.rm.patientsafety.service.consumer;

import dk.rm.patientsafety.events.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The loop alone, on Kafka's MockConsumer and MockProducer, with a list standing for the database. */
class ProjectionLoopTest {

    private static final String TOPIC = "uth.alerts.v1";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    @Test
    void aBatchIsStoredInOneScopeAndOneWithPoisonAgainRecordByRecordSoOnlyThePoisonIsDeadLettered() throws Exception {
        List<String> stored = new CopyOnWriteArrayList<>();
        AtomicInteger batches = new AtomicInteger();
        MockProducer<String, DeadLetter> deadLetters = new MockProducer<>(true, null, new org.apache.kafka.common.serialization.StringSerializer(),
                (topic, letter) -> new byte[0]);
        MockConsumer<String, byte[]> consumer = consumer(List.of("a", "b", "c"), List.of("d", "poison", "f"));
        ProjectionLoop<String> loop = new ProjectionLoop<>("test-projector", TOPIC, consumer, new StringDeserializer(), value -> {
            if (value.equals("poison")) {
                throw new PoisonRecordException("UNSTORABLE_VALUE", "cannot be stored", null);
            }
            stored.add(value);
        }, deadLetters, "platform.deadletter.v1", Clock.systemUTC(), code -> { }).inBatches(work -> {
            // A transaction: what the batch stored is kept only if all of it succeeds.
            batches.incrementAndGet();
            int before = stored.size();
            try {
                work.run();
            } catch (RuntimeException e) {
                while (stored.size() > before) {
                    stored.remove(stored.size() - 1);
                }
                throw e;
            }
        });
        long committed = runUntilCommitted(loop, consumer, 6);
        assertEquals(List.of("a", "b", "c", "d", "f"), stored, "each good record once, the poison's batch again one by one");
        assertEquals(2, batches.get());
        assertEquals(1, deadLetters.history().size());
        assertEquals("UNSTORABLE_VALUE", deadLetters.history().get(0).value().getReasonCode());
        assertEquals(6, committed, "every record accounted for: stored or dead-lettered");
    }

    @Test
    void aValueTheNextOfItsKeyInThePollSupersedesIsSkippedButNoChangeOfStateIs() throws Exception {
        List<String> stored = new CopyOnWriteArrayList<>();
        MockProducer<String, DeadLetter> deadLetters = new MockProducer<>(true, null, new org.apache.kafka.common.serialization.StringSerializer(),
                (topic, letter) -> new byte[0]);
        MockConsumer<String, byte[]> consumer = consumer(List.of("x=ACTIVE-1", "y=ACTIVE-1", "x=ACTIVE-2", "x=WITHDRAWN-3", "x=WITHDRAWN-4", "x=ACTIVE-5"));
        ProjectionLoop<String> loop = new ProjectionLoop<>("test-projector", TOPIC, consumer, new StringDeserializer(), stored::add,
                deadLetters, "platform.deadletter.v1", Clock.systemUTC(), code -> { })
                .inBatches(Runnable::run, (later, earlier) -> status(later).equals(status(earlier)));
        long committed = runUntilCommitted(loop, consumer, 6);
        assertEquals(List.of("y=ACTIVE-1", "x=ACTIVE-2", "x=WITHDRAWN-4", "x=ACTIVE-5"), stored,
                "the last value before each change of state, in order; other keys untouched");
        assertEquals(2, loop.superseded());
        assertEquals(6, committed, "a superseded record is accounted for too");
    }

    private static String status(String value) {
        return value.substring(value.indexOf('=') + 1, value.indexOf('-'));
    }

    /** Runs the loop until {@code offset} is committed (or 10 s pass), stops it, and gives the offset committed. */
    private static long runUntilCommitted(ProjectionLoop<String> loop, MockConsumer<String, byte[]> consumer, long offset) throws Exception {
        Thread thread = new Thread(loop);
        thread.start();
        Instant deadline = Instant.now().plusSeconds(10);
        while (committed(consumer) < offset && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        long committed = committed(consumer);
        loop.stop();
        thread.join(5_000);
        return committed;
    }

    private static long committed(MockConsumer<String, byte[]> consumer) {
        var offsets = consumer.committed(java.util.Set.of(PARTITION));
        return offsets.get(PARTITION) == null ? 0 : offsets.get(PARTITION).offset();
    }

    /** A consumer that is given the partition and then one poll's worth of records for each list. */
    private static MockConsumer<String, byte[]> consumer(List<String>... polls) {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        });
        long offset = 0;
        for (List<String> poll : polls) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            for (String value : poll) {
                // "key=value" names its key; a bare value gets one of its own
                String key = value.contains("=") ? value.substring(0, value.indexOf('=')) : "key-" + value;
                records.add(new ConsumerRecord<>(TOPIC, 0, offset++, key, value.getBytes(StandardCharsets.UTF_8)));
            }
            consumer.schedulePollTask(() -> records.forEach(consumer::addRecord));
        }
        return consumer;
    }
}
