package dk.rm.patientsafety.service;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Where Kafka is and how topics are replicated. Set with {@code kafka.*} properties or the
 * environment ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_REPLICATION_FACTOR}).
 */
@ConfigurationProperties("kafka")
public class KafkaSettings {

    private String bootstrapServers = "localhost:9092";
    private short replicationFactor = 1;
    private String stateDir = System.getProperty("java.io.tmpdir") + "/patient-safety-streams";
    private String instanceId;

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public short getReplicationFactor() {
        return replicationFactor;
    }

    public void setReplicationFactor(short replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    /** Where Kafka Streams keeps its local state stores. */
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
