package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.kafka.KafkaAccounts;

/**
 * Where the platform's services find Kafka (and the account each signs in with), the schema registry (and the
 * client-credentials secret they sign in to it with), PostgreSQL, and the identity provider whose tokens they trust.
 */
public record Infrastructure(KafkaAccounts kafka, String schemaRegistryUrl, String jdbcUrl, String jdbcUser, String jdbcPassword,
                             String issuer, String tokenEndpoint, String servicesClientSecret) {
}
