package dk.rm.patientsafety.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmbeddedKafkaBrokerTest {

    @TempDir
    Path logDir;

    @Test
    void runsTransactionVersionOne() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral();
             Admin admin = Admin.create(broker.adminConfig())) {
            assertEquals(1, admin.describeFeatures().featureMetadata().get().finalizedFeatures()
                    .get(EmbeddedKafkaBroker.TRANSACTION_VERSION).maxVersionLevel());
        }
    }

    @Test
    void lowersTheTransactionVersionOfALogDirectoryFormattedWithTwo(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, dir);
             Admin admin = Admin.create(broker.adminConfig())) {
            admin.updateFeatures(Map.of(EmbeddedKafkaBroker.TRANSACTION_VERSION, new org.apache.kafka.clients.admin.FeatureUpdate(
                    (short) 2, org.apache.kafka.clients.admin.FeatureUpdate.UpgradeType.UPGRADE)),
                    new org.apache.kafka.clients.admin.UpdateFeaturesOptions()).all().get();
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, dir);
             Admin admin = Admin.create(broker.adminConfig())) {
            assertEquals(1, admin.describeFeatures().featureMetadata().get().finalizedFeatures()
                    .get(EmbeddedKafkaBroker.TRANSACTION_VERSION).maxVersionLevel());
        }
    }

    @Test
    void keepsRecordsAcrossARestartOnTheSameLogDirectory() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, logDir)) {
            try (Admin admin = Admin.create(broker.adminConfig())) {
                admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(with(broker.adminConfig(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("t", "k", "v")).get();
            }
        }
        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(0, logDir);
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(with(restarted.adminConfig(),
                     ConsumerConfig.GROUP_ID_CONFIG, "g",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("t"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 30 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertEquals("v", records.iterator().next().value());
        }
    }

    @Test
    void refusesClientsThatDoNotSignIn() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral()) {
            Map<String, Object> anonymous = Map.of("bootstrap.servers", broker.bootstrapServers(),
                    "request.timeout.ms", 3000, "default.api.timeout.ms", 5000);
            try (Admin admin = Admin.create(anonymous)) {
                assertThrows(Exception.class, () -> admin.listTopics().names().get());
            }
            // The administrator's own password does not open the client port: there it has no SCRAM account.
            Map<String, Object> wrongPassword = with(broker.login(EmbeddedKafkaBroker.ADMIN, broker.adminLogin().password()).clientConfig(),
                    "request.timeout.ms", 3000, "default.api.timeout.ms", 5000);
            try (Admin admin = Admin.create(wrongPassword)) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> admin.listTopics().names().get());
                assertInstanceOf(SaslAuthenticationException.class, e.getCause());
            }
        }
    }

    @Test
    void deniesAnAccountWhatNoAclAllows() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral();
             Admin admin = Admin.create(broker.adminConfig())) {
            admin.createTopics(List.of(new NewTopic("secret", 1, (short) 1))).all().get();
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("nobody",
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), "pw"))).all().get();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(with(broker.login("nobody", "pw").clientConfig(),
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000), new StringSerializer(), new StringSerializer())) {
                awaitSignIn(() -> producer.send(new ProducerRecord<>("secret", "k", "v")).get());
            }
        }
    }

    @Test
    void keepsTheAdministratorsPasswordOwnerOnly(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, dir)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("admin.password"))));
        }
    }

    @Test
    void keepsAccountsPasswordsOwnerOnlyAndTheSameAcrossRestarts(@TempDir Path dir) throws Exception {
        Path accounts = dir.resolve("kafka-accounts");
        String first;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, dir.resolve("kafka"))) {
            first = KafkaAccounts.provision(broker, java.util.Optional.of(accounts)).login(dk.rm.patientsafety.topics.KafkaPrincipals.DOWNSTREAM).password();
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(accounts)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(accounts.resolve("downstream"))));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, dir.resolve("kafka"))) {
            KafkaAccounts again = KafkaAccounts.provision(broker, java.util.Optional.of(accounts));
            assertEquals(first, again.login(dk.rm.patientsafety.topics.KafkaPrincipals.DOWNSTREAM).password());
            try (Admin admin = Admin.create(again.login(dk.rm.patientsafety.topics.KafkaPrincipals.DOWNSTREAM).clientConfig())) {
                admin.describeCluster().nodes().get(); // signs in
            }
        }
    }

    /** A new SCRAM account may need a moment to reach the broker; the denial that follows is what the test is after. */
    private static void awaitSignIn(org.junit.jupiter.api.function.Executable send) throws InterruptedException {
        for (int i = 0; ; i++) {
            ExecutionException e = assertThrows(ExecutionException.class, send);
            if (!(e.getCause() instanceof SaslAuthenticationException) || i == 50) {
                assertInstanceOf(TopicAuthorizationException.class, e.getCause());
                return;
            }
            Thread.sleep(100);
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... entries) {
        Map<String, Object> config = new HashMap<>(base);
        for (int i = 0; i < entries.length; i += 2) {
            config.put((String) entries[i], entries[i + 1]);
        }
        return config;
    }
}
