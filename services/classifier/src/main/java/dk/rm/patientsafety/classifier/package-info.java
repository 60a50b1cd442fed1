/**
 * The classifier: validated reports in, classified incidents out. Its beans load only in a context with the
 * {@code classifier} environment, because the embedded default runs every service in one JVM.
 */
@Configuration
@Requires(env = ClassifierApplication.ENVIRONMENT)
package dk.rm.patientsafety.classifier;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
