/**
 * The schema registry: a Confluent-compatible REST API for Avro schemas, stored in a compacted Kafka topic.
 * Its beans load only in a context with the {@code schema-registry} environment, because the embedded default
 * runs every service (registry, intake, classifier, alerting) as separate contexts in one JVM with all jars
 * on the classpath.
 */
@Configuration
@Requires(env = SchemaRegistryApplication.ENVIRONMENT)
package dk.rm.patientsafety.registry;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
