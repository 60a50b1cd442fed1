package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.identity.DemoAccount;
import dk.rm.patientsafety.identity.DevelopmentIdentityProvider;
import dk.rm.patientsafety.kafka.EmbeddedKafkaBroker;
import dk.rm.patientsafety.kafka.KafkaAccounts;
import dk.rm.patientsafety.topics.KafkaPrincipals;
import dk.rm.patientsafety.registry.SchemaRegistryServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded default: a real Kafka broker, our schema registry, a real PostgreSQL and the platform's
 * services, all in this JVM, keeping their data under one directory so a restart resumes where it stopped.
 */
public final class EmbeddedPlatform implements AutoCloseable {

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final Map<String, String> urls = new LinkedHashMap<>();

    private EmbeddedPlatform() {
    }

    public static EmbeddedPlatform start(PlatformSettings settings) {
        EmbeddedPlatform platform = new EmbeddedPlatform();
        try {
            platform.startAll(settings);
            return platform;
        } catch (RuntimeException | IOException e) {
            platform.close();
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
    }

    private void startAll(PlatformSettings settings) throws IOException {
        Path data = Files.createDirectories(settings.dataDir());
        DevelopmentIdentityProvider identity = DevelopmentIdentityProvider.start(settings.identityProviderPort(), Optional.of(data));
        toClose.add(identity);
        urls.put("Sign-in (OIDC)", identity.issuer());
        urls.put("Token endpoint", identity.tokenEndpoint());
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(settings.kafkaPort(), data.resolve("kafka"));
        toClose.add(kafka);
        Path accountsDir = data.resolve("kafka-accounts");
        KafkaAccounts accounts = KafkaAccounts.provision(kafka, Optional.of(accountsDir));
        urls.put("Kafka", kafka.bootstrapServers() + " (SASL SCRAM-SHA-512; passwords in " + accountsDir + ")");
        SchemaRegistryServer registry = SchemaRegistryServer.start(accounts.login(KafkaPrincipals.SCHEMA_REGISTRY), identity.issuer(),
                settings.schemaRegistryPort());
        toClose.add(registry);
        urls.put("Schema registry", registry.url());
        Path postgresDir = data.resolve("postgres");
        EmbeddedPostgres postgres = PlatformPostgres.start(postgresDir, settings.postgresPort());
        toClose.add(postgres);
        String jdbcUrl = postgres.getJdbcUrl(PlatformPostgres.USER, "postgres");
        urls.put("PostgreSQL", jdbcUrl + " (password in " + PlatformPostgres.passwordFile(postgresDir) + ")");
        PlatformServices services = PlatformServices.start(new Infrastructure(accounts, registry.url(), jdbcUrl, PlatformPostgres.USER,
                PlatformPostgres.password(postgresDir),
                identity.issuer(), identity.tokenEndpoint(), identity.secret(DemoAccount.PLATFORM_SERVICES)),
                settings.servicePorts(), data);
        toClose.add(services);
        urls.put("Intake", services.service("intake").url() + "/api/v1/incidents");
        urls.put("Alerting", services.service("alerting").url() + "/api/v1/alerts");
        urls.put("Classifier health", services.service("classifier").url() + "/health");
        urls.put("Statistics", services.service("statistics").url() + "/api/v1/series");
        urls.put("Learning", services.service("learning").url() + "/api/v1/subscriptions");
    }

    /** What runs where, in start order. */
    public Map<String, String> urls() {
        return new LinkedHashMap<>(urls);
    }

    /** Stops everything in reverse start order: services before the registry, Kafka last. */
    @Override
    public void close() {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                System.err.println("Could not stop " + toClose.get(i) + ": " + e);
            }
        }
        toClose.clear();
    }
}
