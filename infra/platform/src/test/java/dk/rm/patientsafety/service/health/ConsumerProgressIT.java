package dk.rm.patientsafety.service.health;

import dk.rm.patientsafety.testkit.SettableClock;
import dk.rm.patientsafety.testkit.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On a real broker: a group whose offsets stand still while records wait is reported stalled, and recovers when it moves. */
class ConsumerProgressIT {

    @Test
    void reportsAGroupThatDoesNotMoveWhileRecordsWaitAndClearsWhenItMoves() throws Exception {
        String topic = "progress-" + System.nanoTime();
        String group = "stuck-" + System.nanoTime();
        TopicPartition partition = new TopicPartition(topic, 0);
        try (Admin admin = Admin.create(TestKafka.adminConfig());
             KafkaProducer<String, String> producer = new KafkaProducer<>(TestKafka.adminConfig(),
                     new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, "k", "v" + i)).get();
            }
            admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(1))).all().get();
            WatchedConsumer watched = new WatchedConsumer() {
                public String groupId() {
                    return group;
                }

                public Optional<String> problem() {
                    return Optional.empty();
                }
            };
            SettableClock clock = new SettableClock(Instant.parse("2026-12-04T10:00:00Z"));
            ConsumerProgress progress = new ConsumerProgress(admin, List.of(watched), Duration.ofSeconds(90), clock);

            progress.check(group);
            assertEquals(4, progress.snapshot(group).orElseThrow().lag());
            clock.advance(Duration.ofSeconds(60));
            progress.check(group);
            assertEquals(Optional.empty(), progress.stall(group), "not yet past the allowed time");
            clock.advance(Duration.ofSeconds(60));
            progress.check(group);
            String stall = progress.stall(group).orElseThrow();
            assertTrue(stall.contains("no progress for 120 s while 4 records wait"), stall);
            assertEquals("DOWN", new ConsumersHealth(List.of(watched), progress).result().getStatus().getName());

            admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(3))).all().get();
            clock.advance(Duration.ofSeconds(10));
            progress.check(group);
            assertEquals(Optional.empty(), progress.stall(group), "it moved");
            assertEquals("UP", new ConsumersHealth(List.of(watched), progress).result().getStatus().getName());
        }
    }
}
