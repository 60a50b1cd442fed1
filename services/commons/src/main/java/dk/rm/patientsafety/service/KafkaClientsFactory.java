package dk.rm.patientsafety.service;

import dk.rm.patientsafety.serde.CachingSchemaRegistryClient;
import dk.rm.patientsafety.serde.RestSchemaRegistryClient;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.Map;

/** The registry client and admin client every service shares. */
@Factory
public class KafkaClientsFactory {

    @Singleton
    @Requires(missingBeans = SchemaRegistryClient.class)
    SchemaRegistryClient schemaRegistryClient(SchemaRegistrySettings settings) {
        return new CachingSchemaRegistryClient(new RestSchemaRegistryClient(settings.getUrl()));
    }

    @Singleton
    @Bean(preDestroy = "close")
    Admin admin(KafkaSettings settings) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.getBootstrapServers()));
    }
}
