package dk.rm.patientsafety.service;

import dk.rm.patientsafety.serde.CachingSchemaRegistryClient;
import dk.rm.patientsafety.serde.RestSchemaRegistryClient;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Named;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;

/** The registry client and admin client every service shares. */
@Factory
public class KafkaClientsFactory {

    public static final String TRANSACTION_GUARD = "transaction-guard";

    @Singleton
    @Requires(missingBeans = SchemaRegistryClient.class)
    SchemaRegistryClient schemaRegistryClient(SchemaRegistrySettings settings) {
        return new CachingSchemaRegistryClient(new RestSchemaRegistryClient(settings.getUrl(), java.time.Duration.ofSeconds(10),
                settings.tokens().orElse(null)));
    }

    @Singleton
    @Primary
    @Bean(preDestroy = "close")
    Admin admin(KafkaSettings settings) {
        return Admin.create(settings.login().clientConfig());
    }

    /**
     * The hanging-transaction guard's admin client. Aborting another producer's transaction takes an operator's rights
     * (see {@link dk.rm.patientsafety.topics.KafkaPrincipals#TRANSACTION_GUARD}), which no service account has, so the
     * guard signs in with its own account ({@code kafka.transaction-guard.username}/{@code password}) when one is set.
     */
    @Singleton
    @Named(TRANSACTION_GUARD)
    @Bean(preDestroy = "close")
    @Requires(property = "kafka.transaction-guard.enabled", notEquals = "false")
    Admin transactionGuardAdmin(KafkaSettings settings, TransactionGuardSettings guard) {
        return Admin.create(guard.login(settings).clientConfig());
    }
}
