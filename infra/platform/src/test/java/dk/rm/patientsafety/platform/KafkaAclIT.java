package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.serde.CompatibilityLevel;
import dk.rm.patientsafety.testkit.TestKafka;
import dk.rm.patientsafety.testkit.TestSchemaRegistry;
import dk.rm.patientsafety.topics.KafkaLogin;
import dk.rm.patientsafety.topics.KafkaPrincipal;
import dk.rm.patientsafety.topics.KafkaPrincipals;
import dk.rm.patientsafety.topics.Topic;
import dk.rm.patientsafety.topics.TopicProvisioner;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The ACL table on a real broker, account by account: each reads exactly the topics the table gives it and writes to no
 * topic it does not own; the restricted topics are read by intake (and the operator's guard) only; downstream systems
 * read the aggregates, in their own groups only.
 */
class KafkaAclIT {

    /** CPR numbers, reporter identities and rejected originals. */
    private static final Set<Topic<?, ?>> RESTRICTED = Set.of(Topics.INCIDENTS_SUBMITTED, Topics.REPORTERS,
            Topics.INTAKE_DEAD_LETTERS, Topics.DEAD_LETTERS);

    @BeforeAll
    static void provision() {
        try (Admin admin = Admin.create(TestKafka.adminConfig())) {
            new TopicProvisioner(admin, TestSchemaRegistry.client(), (short) 1, CompatibilityLevel.BACKWARD_TRANSITIVE).provision(Topics.ALL);
        }
    }

    @Test
    void everyAccountReadsTheTopicsTheTableGivesItAndNoOther() {
        List<String> wrong = new ArrayList<>();
        for (KafkaPrincipal principal : KafkaPrincipals.ALL) {
            for (Topic<?, ?> topic : Topics.ALL) {
                boolean allowed = principal.reads().contains(topic) || principal.operator();
                boolean read = canRead(TestKafka.login(principal), topic);
                if (read != allowed) {
                    wrong.add(principal.name() + (read ? " reads " : " cannot read ") + topic.name());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void onlyIntakeAndTheOperatorsGuardReadTheRestrictedTopics() {
        for (KafkaPrincipal principal : KafkaPrincipals.ALL) {
            boolean mayRead = principal == KafkaPrincipals.INTAKE || principal == KafkaPrincipals.TRANSACTION_GUARD;
            for (Topic<?, ?> topic : RESTRICTED) {
                if (!mayRead) {
                    assertEquals(false, canRead(TestKafka.login(principal), topic), principal.name() + " reads " + topic.name());
                }
            }
        }
    }

    @Test
    void noAccountWritesToATopicItDoesNotOwn() {
        List<String> wrong = new ArrayList<>();
        for (KafkaPrincipal principal : KafkaPrincipals.ALL) {
            try (KafkaProducer<byte[], byte[]> producer = producer(TestKafka.login(principal))) {
                for (Topic<?, ?> topic : Topics.ALL) {
                    if (principal.writes().contains(topic)) {
                        continue; // the services' own writes are what every platform IT exercises
                    }
                    ExecutionException denied = assertThrows(ExecutionException.class, () -> producer
                            .send(new ProducerRecord<>(topic.name(), "acl-probe".getBytes(), "not-avro".getBytes())).get(10, TimeUnit.SECONDS),
                            () -> principal.name() + " wrote to " + topic.name());
                    if (!(denied.getCause() instanceof AuthorizationException)) {
                        wrong.add(principal.name() + " → " + topic.name() + ": " + denied.getCause());
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void downstreamReadsTheAggregatesInItsOwnGroupsOnly() {
        KafkaLogin downstream = TestKafka.login(KafkaPrincipals.DOWNSTREAM);
        try (KafkaConsumer<byte[], byte[]> own = consumer(downstream, "downstream-dashboard")) {
            own.subscribe(List.of(Topics.INCIDENT_COUNTS.name(), Topics.SIGNALS.name()));
            own.poll(Duration.ofSeconds(2));
            own.commitSync();
        }
        try (KafkaConsumer<byte[], byte[]> borrowed = consumer(downstream, "uth-alerting-projector")) {
            borrowed.subscribe(List.of(Topics.INCIDENT_COUNTS.name()));
            assertThrows(GroupAuthorizationException.class, () -> borrowed.poll(Duration.ofSeconds(5)));
        }
        assertEquals(false, canRead(downstream, Topics.INCIDENTS_CLASSIFIED), "single reports are not aggregates");
        assertEquals(false, canRead(downstream, Topics.ALERTS));
    }

    /**
     * Whether a fetch is allowed: one consumer per question, because a denial arrives with a later poll and would be
     * blamed on the next topic. Once the position is known (which takes Describe) the fetch goes out at once, so a few
     * short polls see its answer.
     */
    private static boolean canRead(KafkaLogin login, Topic<?, ?> topic) {
        TopicPartition partition = new TopicPartition(topic.name(), 0);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(login, null)) {
            consumer.assign(List.of(partition));
            consumer.position(partition, Duration.ofSeconds(10));
            for (int i = 0; i < 5; i++) {
                consumer.poll(Duration.ofMillis(100));
            }
            return true;
        } catch (TopicAuthorizationException e) {
            return false;
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(KafkaLogin login, String group) {
        Map<String, Object> config = TestKafka.config(login, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaProducer<byte[], byte[]> producer(KafkaLogin login) {
        return new KafkaProducer<>(TestKafka.config(login, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, ProducerConfig.LINGER_MS_CONFIG, 0),
                new ByteArraySerializer(), new ByteArraySerializer());
    }
}
