package dk.rm.patientsafety.topics;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one client signs in to Kafka: where the cluster is, and the SASL account it uses. The one place that turns an
 * account into client settings, so no client is configured by hand.
 *
 * @param mechanism {@code SCRAM-SHA-512} for every account of the platform; {@code PLAIN} only for the embedded broker's
 *                  own administrator on its internal listener; null for a cluster without SASL
 */
public record KafkaLogin(String bootstrapServers, String mechanism, String username, String password, String securityProtocol) {

    public static final String SCRAM = "SCRAM-SHA-512";
    public static final String PLAIN = "PLAIN";

    public KafkaLogin {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (mechanism != null && (username == null || password == null)) {
            throw new IllegalArgumentException("A SASL login needs a username and a password");
        }
    }

    /** A SCRAM-SHA-512 account over SASL_PLAINTEXT, as the embedded broker and docker-compose run. */
    public static KafkaLogin scram(String bootstrapServers, String username, String password) {
        return new KafkaLogin(bootstrapServers, SCRAM, username, password, "SASL_PLAINTEXT");
    }

    /** No sign-in: only for a cluster that runs without SASL. */
    public static KafkaLogin anonymous(String bootstrapServers) {
        return new KafkaLogin(bootstrapServers, null, null, null, "PLAINTEXT");
    }

    /** The same account on another cluster address. */
    public KafkaLogin at(String otherBootstrapServers) {
        return new KafkaLogin(otherBootstrapServers, mechanism, username, password, securityProtocol);
    }

    /** Client settings (producer, consumer, admin and streams alike): the address and, with SASL, the account. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("security.protocol", securityProtocol);
        if (mechanism != null) {
            config.put("sasl.mechanism", mechanism);
            config.put("sasl.jaas.config", jaasConfig(mechanism, username, password));
        }
        return config;
    }

    /** The JAAS line for a client, quoted so that any password survives. */
    public static String jaasConfig(String mechanism, String username, String password) {
        String module = PLAIN.equals(mechanism)
                ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=" + quoted(username) + " password=" + quoted(password) + ";";
    }

    static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public String toString() { // never the password
        return "KafkaLogin[" + bootstrapServers + ", " + (mechanism == null ? "no SASL" : mechanism + " as " + username) + "]";
    }
}
