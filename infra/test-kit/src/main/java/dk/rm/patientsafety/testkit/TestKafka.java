package dk.rm.patientsafety.testkit;

import dk.rm.patientsafety.kafka.EmbeddedKafkaBroker;
import dk.rm.patientsafety.kafka.KafkaAccounts;
import dk.rm.patientsafety.topics.KafkaLogin;
import dk.rm.patientsafety.topics.KafkaPrincipal;

import java.util.Map;
import java.util.Optional;

/**
 * One real embedded Kafka broker per test JVM, started on first use and stopped when the JVM exits, secured as the
 * platform runs it: SASL sign-in and the ACL table's accounts.
 */
public final class TestKafka {

    private static EmbeddedKafkaBroker shared;
    private static KafkaAccounts accounts;

    private TestKafka() {
    }

    public static synchronized EmbeddedKafkaBroker broker() {
        if (shared == null) {
            shared = EmbeddedKafkaBroker.startEphemeral();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** The platform's accounts on the shared broker, set up on first use. */
    public static synchronized KafkaAccounts accounts() {
        if (accounts == null) {
            accounts = KafkaAccounts.provision(broker(), Optional.empty());
        }
        return accounts;
    }

    /** How one of the platform's accounts signs in to the shared broker. */
    public static KafkaLogin login(KafkaPrincipal principal) {
        return accounts().login(principal);
    }

    /** The administrator's sign-in: tests that set up or inspect topics act as the cluster's operator. */
    public static KafkaLogin admin() {
        return broker().adminLogin();
    }

    /** Client settings for a login, with more settings added ({@code key, value, key, value, ...}). */
    public static Map<String, Object> config(KafkaLogin login, Object... entries) {
        Map<String, Object> config = login.clientConfig();
        for (int i = 0; i < entries.length; i += 2) {
            config.put((String) entries[i], entries[i + 1]);
        }
        return config;
    }

    /** Client settings for the administrator. */
    public static Map<String, Object> adminConfig() {
        return broker().adminConfig();
    }
}
