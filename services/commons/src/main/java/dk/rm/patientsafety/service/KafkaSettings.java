package dk.rm.patientsafety.service;

import dk.rm.patientsafety.topics.KafkaLogin;
import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Where Kafka is, who this service is to it, and how topics are replicated. Set with {@code kafka.*} properties or the
 * environment ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_USERNAME}, {@code KAFKA_PASSWORD},
 * {@code KAFKA_REPLICATION_FACTOR}). With a username the service signs in with SASL SCRAM-SHA-512
 * ({@code KAFKA_SECURITY_PROTOCOL} SASL_PLAINTEXT, or SASL_SSL where the cluster has TLS); the account's rights are
 * {@link dk.rm.patientsafety.topics.KafkaPrincipals}'s row of that name.
 */
@ConfigurationProperties("kafka")
public class KafkaSettings {

    private String bootstrapServers = "localhost:9092";
    private String username;
    private String password;
    private String securityProtocol = "SASL_PLAINTEXT";
    private short replicationFactor = 1;
    private String stateDir = System.getProperty("java.io.tmpdir") + "/patient-safety-streams";
    private String instanceId;
    /** How often a stream commits its transaction: each exactly-once hop holds its output back about this long. */
    private long commitIntervalMs = 100;

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getSecurityProtocol() {
        return securityProtocol;
    }

    public void setSecurityProtocol(String securityProtocol) {
        this.securityProtocol = securityProtocol;
    }

    /** How every client of this service signs in: SCRAM with the account when one is set, else without SASL. */
    public KafkaLogin login() {
        return username == null || username.isBlank() ? KafkaLogin.anonymous(bootstrapServers) : loginAs(username, password, "kafka");
    }

    /** The {@code kafka.*} properties that make a service sign in as {@code login} (for contexts started in this JVM). */
    public static java.util.Map<String, Object> properties(KafkaLogin login) {
        java.util.Map<String, Object> properties = new java.util.HashMap<>();
        properties.put("kafka.bootstrap-servers", login.bootstrapServers());
        if (login.username() != null) {
            properties.put("kafka.username", login.username());
            properties.put("kafka.password", login.password());
            properties.put("kafka.security-protocol", login.securityProtocol());
        }
        return properties;
    }

    /** This cluster, signed in with SCRAM as {@code account}; {@code prefix} names the account's settings in errors. */
    KafkaLogin loginAs(String account, String secret, String prefix) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(prefix + ".username is set (" + account + ") but " + prefix + ".password is not");
        }
        return new KafkaLogin(bootstrapServers, KafkaLogin.SCRAM, account, secret, securityProtocol);
    }

    public short getReplicationFactor() {
        return replicationFactor;
    }

    public void setReplicationFactor(short replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    /** Where Kafka Streams keeps its local state stores. */
    public long getCommitIntervalMs() {
        return commitIntervalMs;
    }

    public void setCommitIntervalMs(long commitIntervalMs) {
        this.commitIntervalMs = commitIntervalMs;
    }

    public String getStateDir() {
        return stateDir;
    }

    public void setStateDir(String stateDir) {
        this.stateDir = stateDir;
    }

    /**
     * Who this instance is to Kafka, the same across restarts: its consumers are static group members and its producers'
     * transactional ids derive from it, so a restarted instance takes its own place at once (no wait for the crashed one's
     * session to time out) and fences the transactions it left open. Set {@code kafka.instance-id}
     * ({@code KAFKA_INSTANCE_ID}) per replica; unset, an id is made once and kept in the state directory.
     */
    public synchronized String getInstanceId() {
        if (instanceId == null || instanceId.isBlank()) {
            instanceId = InstanceIds.keptIn(java.nio.file.Path.of(stateDir));
        }
        return instanceId;
    }

    public synchronized void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }
}
