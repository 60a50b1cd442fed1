/**
 * Intake: accepts incident reports and publishes them, validated, as Avro. Its beans load only in a context
 * with the {@code intake} environment, because the embedded default runs every service in one JVM.
 */
@Configuration
@Requires(env = IntakeApplication.ENVIRONMENT)
package dk.rm.patientsafety.intake;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
