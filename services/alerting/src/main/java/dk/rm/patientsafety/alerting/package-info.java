/**
 * Alerting: raises alerts for serious incidents, keeps them in PostgreSQL and lists them over HTTP. Its beans
 * load only in a context with the {@code alerting} environment, because the embedded default runs every
 * service in one JVM.
 */
@Configuration
@Requires(env = AlertingApplication.ENVIRONMENT)
package dk.rm.patientsafety.alerting;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
