/**
 * Learning feeds: departments, hospitals, the regional team and cross-sector partners subscribe to regular summaries
 * of incidents like theirs. A subscription says which units, incident types and severities, how often and by which
 * channel; partners receive cross-sector aggregates only. Its beans load only in a context with the {@code learning}
 * environment, because the embedded default runs every service in one JVM.
 */
@Configuration
@Requires(env = LearningApplication.ENVIRONMENT)
package dk.rm.patientsafety.learning;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
