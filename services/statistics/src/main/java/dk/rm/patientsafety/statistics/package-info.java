/**
 * The statistics service: incident counts, activity and quality-indicator series, their SPC charts and signals.
 * Its beans load only in a context with the {@code statistics} environment, because the embedded default runs every
 * service in one JVM.
 */
@Configuration
@Requires(env = StatisticsApplication.ENVIRONMENT)
package dk.rm.patientsafety.statistics;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
