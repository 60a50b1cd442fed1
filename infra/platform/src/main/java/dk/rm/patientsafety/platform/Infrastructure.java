package dk.rm.patientsafety.platform;

/** Where the platform's services find Kafka, the schema registry, PostgreSQL and the identity provider whose tokens they trust. */
public record Infrastructure(String bootstrapServers, String schemaRegistryUrl, String jdbcUrl, String jdbcUser, String jdbcPassword,
                             String issuer) {
}
