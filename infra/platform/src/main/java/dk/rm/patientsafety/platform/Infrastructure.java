package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.kafka.KafkaAccounts;

/**
 * Where the platform's services find Kafka (and the account each signs in with), the schema registry, PostgreSQL and the
 * identity provider whose tokens they trust.
 */
public record Infrastructure(KafkaAccounts kafka, String schemaRegistryUrl, String jdbcUrl, String jdbcUser, String jdbcPassword,
                             String issuer) {
}
