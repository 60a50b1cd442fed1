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
}
