package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.alerting.AlertingApplication;
import dk.rm.patientsafety.classifier.ClassifierApplication;
import dk.rm.patientsafety.intake.IntakeApplication;
import dk.rm.patientsafety.learning.LearningApplication;
import dk.rm.patientsafety.statistics.StatisticsApplication;

import dk.rm.patientsafety.identity.DemoAccount;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.topics.KafkaLogin;
import dk.rm.patientsafety.topics.KafkaPrincipals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The platform's own services (intake, classifier, alerting, statistics, learning) running against given infrastructure. */
public final class PlatformServices implements AutoCloseable {

    private final List<ServiceContext> started = new ArrayList<>();

    private PlatformServices() {
    }

    /**
     * Starts the services in flow order: intake, classifier, alerting, statistics, learning. Ports of 0 pick free ports. Kafka
     * Streams state and the development pseudonym key live under {@code dataDir}.
     */
    public static PlatformServices start(Infrastructure infra, Ports ports, Path dataDir) {
        return start(infra, ports, dataDir, Map.of());
    }

    /** As {@link #start(Infrastructure, Ports, Path)}, with settings of its own for a service (by environment name). */
    public static PlatformServices start(Infrastructure infra, Ports ports, Path dataDir, Map<String, Map<String, Object>> overrides) {
        PlatformServices services = new PlatformServices();
        try {
            Map<String, Object> common = Map.of(
                    "kafka.state-dir", dataDir.resolve("streams").toString(),
                    "schema-registry.url", infra.schemaRegistryUrl(),
                    "schema-registry.client-id", DemoAccount.PLATFORM_SERVICES,
                    "schema-registry.client-secret", infra.servicesClientSecret(),
                    "schema-registry.token-endpoint", infra.tokenEndpoint(),
                    "platform.security.issuer", infra.issuer(),
                    // One guard per cluster is enough; intake's runs it.
                    "kafka.transaction-guard.enabled", "false");
            Map<String, Object> intake = settings(common, infra.kafka().login(KafkaPrincipals.INTAKE));
            KafkaLogin guard = infra.kafka().login(KafkaPrincipals.TRANSACTION_GUARD);
            intake.put("kafka.transaction-guard.enabled", "true");
            intake.put("kafka.transaction-guard.username", guard.username());
            intake.put("kafka.transaction-guard.password", guard.password());
            intake.put("intake.pseudonym.current-key", DevelopmentPseudonymKey.ID);
            intake.put("intake.pseudonym.keys." + DevelopmentPseudonymKey.ID, DevelopmentPseudonymKey.loadOrCreate(dataDir));
            services.started.add(ServiceContext.start(IntakeApplication.ENVIRONMENT, ports.intake(), intake));
            services.started.add(ServiceContext.start(ClassifierApplication.ENVIRONMENT, ports.classifier(),
                    settings(common, infra.kafka().login(KafkaPrincipals.CLASSIFIER))));
            Map<String, Object> alerting = settings(common, infra.kafka().login(KafkaPrincipals.ALERTING));
            alerting.put("datasources.default.url", infra.jdbcUrl());
            alerting.put("datasources.default.username", infra.jdbcUser());
            alerting.put("datasources.default.password", infra.jdbcPassword());
            alerting.putAll(overrides.getOrDefault(AlertingApplication.ENVIRONMENT, Map.of()));
            services.started.add(ServiceContext.start(AlertingApplication.ENVIRONMENT, ports.alerting(), alerting));
            services.started.add(ServiceContext.start(StatisticsApplication.ENVIRONMENT, ports.statistics(),
                    settings(common, infra.kafka().login(KafkaPrincipals.STATISTICS))));
            Map<String, Object> learning = settings(common, infra.kafka().login(KafkaPrincipals.LEARNING));
            // Its own schema of the one database, so its tables and its delivery queue stay apart from alerting's.
            learning.put("datasources.default.url", infra.jdbcUrl() + (infra.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=learning");
            learning.put("datasources.default.username", infra.jdbcUser());
            learning.put("datasources.default.password", infra.jdbcPassword());
            learning.putAll(overrides.getOrDefault(LearningApplication.ENVIRONMENT, Map.of()));
            services.started.add(ServiceContext.start(LearningApplication.ENVIRONMENT, ports.learning(), learning));
            return services;
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    /** A service's settings: the common ones and its own Kafka account. */
    private static Map<String, Object> settings(Map<String, Object> common, KafkaLogin kafka) {
        Map<String, Object> settings = new HashMap<>(common);
        settings.putAll(KafkaSettings.properties(kafka));
        return settings;
    }

    /** The services' HTTP ports; 0 picks a free one. */
    public record Ports(int intake, int classifier, int alerting, int statistics, int learning) {
        public static Ports anyFree() {
            return new Ports(0, 0, 0, 0, 0);
        }
    }

    public List<ServiceContext> services() {
        return List.copyOf(started);
    }

    public ServiceContext service(String environment) {
        return started.stream().filter(s -> s.name().equals(environment)).findFirst().orElseThrow();
    }

    /** Restarts one service inside the running platform, on the same port; the others keep running. */
    public void restart(String environment) {
        ServiceContext service = service(environment);
        int index = started.indexOf(service);
        started.set(index, service.restart());
    }

    /** Stops the services in reverse order, before the infrastructure they depend on goes away. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        started.clear();
    }
}
