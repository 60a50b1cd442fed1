package dk.rm.patientsafety.platform;

/** Where the platform's services find Kafka, the schema registry and PostgreSQL. */
public record Infrastructure(String bootstrapServers, String schemaRegistryUrl, String jdbcUrl, String jdbcUser, String jdbcPassword) {
}
