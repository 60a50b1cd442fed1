package dk.rm.patientsafety.topics;

import org.apache.kafka.clients.admin.Admin;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Applies {@link KafkaPrincipals} to a cluster from the environment: docker-compose's {@code kafka-access} step, and what
 * a region runs against its own cluster. Signs in as the cluster's administrator ({@code KAFKA_ADMIN_USERNAME},
 * {@code KAFKA_ADMIN_PASSWORD}, {@code KAFKA_ADMIN_MECHANISM} PLAIN or SCRAM-SHA-512) at {@code KAFKA_BOOTSTRAP_SERVERS},
 * and sets each account's password from {@code KAFKA_ACCOUNT_<NAME>_PASSWORD} ({@link #passwordVariable}).
 */
public final class KafkaAccessSetup {

    private KafkaAccessSetup() {
    }

    public static void main(String[] args) {
        try {
            KafkaAccessControl.Changes changes = run(System.getenv());
            System.out.println("Kafka accounts and ACLs set: " + changes);
        } catch (RuntimeException e) {
            System.err.println("Could not set Kafka accounts and ACLs: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The variable that holds an account's password, e.g. {@code KAFKA_ACCOUNT_SCHEMA_REGISTRY_PASSWORD}. */
    public static String passwordVariable(KafkaPrincipal principal) {
        return "KAFKA_ACCOUNT_" + principal.name().toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD";
    }

    public static KafkaAccessControl.Changes run(Map<String, String> env) {
        KafkaLogin admin = new KafkaLogin(required(env, "KAFKA_BOOTSTRAP_SERVERS"), env.getOrDefault("KAFKA_ADMIN_MECHANISM", KafkaLogin.PLAIN),
                required(env, "KAFKA_ADMIN_USERNAME"), required(env, "KAFKA_ADMIN_PASSWORD"),
                env.getOrDefault("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"));
        Map<String, String> passwords = new LinkedHashMap<>();
        KafkaPrincipals.ALL.forEach(p -> passwords.put(p.name(), required(env, passwordVariable(p))));
        try (Admin client = Admin.create(admin.clientConfig())) {
            return new KafkaAccessControl(client).apply(KafkaPrincipals.ALL, passwords);
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }
}
