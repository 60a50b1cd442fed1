package dk.rm.patientsafety.delivery;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import io.micronaut.jdbc.DataSourceResolver;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * The delivery queue's tables, migrated by Flyway with a history table of their own, so they live beside the using
 * service's tables and migrations without their version numbers ever meeting.
 */
@Singleton
@Requires(property = DeliveryQueue.ENABLED, value = "true")
public class DeliverySchema {

    public DeliverySchema(DataSource dataSource, DataSourceResolver resolver) {
        // The injected data source serves the current transaction's connection; Flyway needs connections of its own.
        Flyway.configure()
                .dataSource(resolver.resolve(dataSource))
                .table("flyway_delivery_history")
                .locations("classpath:db/delivery")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
