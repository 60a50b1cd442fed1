package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.alerting.AlertingApplication;
import dk.rm.patientsafety.learning.LearningApplication;
import dk.rm.patientsafety.classifier.ClassifierApplication;
import dk.rm.patientsafety.statistics.StatisticsApplication;
import dk.rm.patientsafety.identity.DemoAccount;
import dk.rm.patientsafety.intake.IntakeApplication;
import dk.rm.patientsafety.registry.SchemaRegistryApplication;
import dk.rm.patientsafety.intake.PseudonymSettings;
import dk.rm.patientsafety.security.PlatformSecurityConfig;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.SchemaRegistrySettings;
import dk.rm.patientsafety.service.TransactionGuardSettings;
import dk.rm.patientsafety.topics.KafkaAccessSetup;
import dk.rm.patientsafety.topics.KafkaPrincipal;
import dk.rm.patientsafety.topics.KafkaPrincipals;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextConfiguration;
import io.micronaut.context.DefaultApplicationContext;
import io.micronaut.context.DefaultApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docker-compose.yml configures intake, classifier, alerting, statistics and the schema registry only through environment variables. For each of
 * them this test takes the {@code environment:} map from the compose file and gives it to a Micronaut context for
 * that service's environment exactly as the process environment would be given (same property convention, same
 * precedence over the service's application-&lt;env&gt;.yml), then checks that:
 * <ul>
 *   <li>every variable sets a property the service actually reads (the allow-list below): a typo such as
 *       {@code KAFKA_BOOTSTRAP_SERVER} or a variable meant for another service fails;</li>
 *   <li>the compose values, and distinct probe values, arrive in the typed settings the service uses
 *       ({@link KafkaSettings}, {@link SchemaRegistrySettings}, the HTTP server and the datasource configuration),
 *       so renaming a property or a {@code @ConfigurationProperties} prefix fails;</li>
 *   <li>the values point at the compose file's own Kafka, registry, PostgreSQL, ports and volumes.</li>
 * </ul>
 * Nothing is started: the contexts skip their eager beans (Kafka Streams, the alert projector, the connection
 * pool), see {@link SettingsOnlyContext}.
 */
class DockerComposeConfigurationTest {

    /** The repository root's compose file, found from this module's directory (surefire runs in it). */
    private static final Path COMPOSE_FILE =
            Path.of(System.getProperty("basedir", ".")).resolve("../../docker-compose.yml").toAbsolutePath().normalize();

    /** A property a service reads, how to read it back from the service's typed settings, and a value no default has. */
    private record Setting(String property, Function<ApplicationContext, Object> reader, String probe) {
    }

    private static final Setting BOOTSTRAP_SERVERS = new Setting("kafka.bootstrap-servers",
            c -> c.getBean(KafkaSettings.class).getBootstrapServers(), "probe-kafka:19092");
    private static final Setting KAFKA_USERNAME = new Setting("kafka.username",
            c -> c.getBean(KafkaSettings.class).getUsername(), "probe-account");
    private static final Setting KAFKA_PASSWORD = new Setting("kafka.password",
            c -> c.getBean(KafkaSettings.class).login().password(), "probe-password");
    private static final Setting GUARD_ENABLED = new Setting("kafka.transaction-guard.enabled",
            c -> c.getBean(TransactionGuardSettings.class).isEnabled(), "false");
    private static final Setting GUARD_USERNAME = new Setting("kafka.transaction-guard.username",
            c -> c.getBean(TransactionGuardSettings.class).getUsername(), "probe-operator");
    private static final Setting GUARD_PASSWORD = new Setting("kafka.transaction-guard.password",
            c -> c.getBean(TransactionGuardSettings.class).login(c.getBean(KafkaSettings.class)).password(), "probe-operator-password");
    private static final Setting REGISTRY_CLIENT_ID = new Setting("schema-registry.client-id",
            c -> c.getBean(SchemaRegistrySettings.class).getClientId(), "probe-client");
    private static final Setting REGISTRY_CLIENT_SECRET = new Setting("schema-registry.client-secret",
            c -> field(c.getBean(SchemaRegistrySettings.class), "clientSecret"), "probe-client-secret");
    private static final Setting REGISTRY_TOKEN_ENDPOINT = new Setting("schema-registry.token-endpoint",
            c -> c.getBean(SchemaRegistrySettings.class).getTokenEndpoint(), "http://probe-idp:18180/token");
    private static final Setting REPLICATION_FACTOR = new Setting("kafka.replication-factor",
            c -> c.getBean(KafkaSettings.class).getReplicationFactor(), "3");
    private static final Setting STATE_DIR = new Setting("kafka.state-dir",
            c -> c.getBean(KafkaSettings.class).getStateDir(), "/probe/streams-state");
    private static final Setting REGISTRY_URL = new Setting("schema-registry.url",
            c -> c.getBean(SchemaRegistrySettings.class).getUrl(), "http://probe-registry:18081");
    private static final Setting SERVER_PORT = new Setting("micronaut.server.port",
            c -> c.getBean(HttpServerConfiguration.class).getPort().orElse(null), "18089");
    private static final Setting PSEUDONYM_CURRENT_KEY = new Setting("intake.pseudonym.current-key",
            c -> c.getBean(PseudonymSettings.class).getCurrentKey(), "probe-key");
    private static final Setting PSEUDONYM_KEY_DEV = new Setting("intake.pseudonym.keys.dev",
            c -> c.getBean(PseudonymSettings.class).getKeys().get("dev"), "cHJvYmUtc2VjcmV0LXByb2JlLXNlY3JldC1wcm9iZS1zZWNyZXQ=");
    private static final Setting JDBC_URL = new Setting("datasources.default.url",
            c -> datasource(c).getJdbcUrl(), "jdbc:postgresql://probe-db:15432/probe");
    private static final Setting JDBC_USERNAME = new Setting("datasources.default.username",
            c -> datasource(c).getUsername(), "probe-user");
    private static final Setting JDBC_PASSWORD = new Setting("datasources.default.password",
            c -> datasource(c).getPassword(), "probe-password");

    private static final Setting ISSUER = new Setting("platform.security.issuer",
            c -> c.getBean(PlatformSecurityConfig.class).getIssuer(), "http://probe-idp:18180/realms/probe");
    private static final Setting DISCOVERY_URL = new Setting("platform.security.discovery-url",
            c -> c.getBean(PlatformSecurityConfig.class).getDiscoveryUrl(), "http://probe-idp-internal:18180/realms/probe");

    /** A compose service: the Micronaut environment its main class starts, that class (its package holds the service's beans), its settings. */
    private record PlatformService(String environment, Class<?> application, List<Setting> settings) {
    }

    /**
     * The allow-list: every property each service's compose variables may set. Each must be set by exactly one
     * variable. A new variable in docker-compose.yml needs its property (and how to read it back) here.
     */
    private static final Map<String, PlatformService> SERVICES = Map.of(
            "learning", new PlatformService(LearningApplication.ENVIRONMENT, LearningApplication.class,
                    List.of(BOOTSTRAP_SERVERS, KAFKA_USERNAME, KAFKA_PASSWORD, GUARD_ENABLED, REPLICATION_FACTOR, REGISTRY_URL,
                            REGISTRY_CLIENT_ID, REGISTRY_CLIENT_SECRET, REGISTRY_TOKEN_ENDPOINT, SERVER_PORT, ISSUER, DISCOVERY_URL,
                            JDBC_URL, JDBC_USERNAME, JDBC_PASSWORD)),
            "intake", new PlatformService(IntakeApplication.ENVIRONMENT, IntakeApplication.class,
                    List.of(BOOTSTRAP_SERVERS, KAFKA_USERNAME, KAFKA_PASSWORD, GUARD_USERNAME, GUARD_PASSWORD, REPLICATION_FACTOR, STATE_DIR,
                            REGISTRY_URL, REGISTRY_CLIENT_ID, REGISTRY_CLIENT_SECRET, REGISTRY_TOKEN_ENDPOINT, SERVER_PORT, ISSUER,
                            DISCOVERY_URL, PSEUDONYM_CURRENT_KEY, PSEUDONYM_KEY_DEV)),
            "classifier", new PlatformService(ClassifierApplication.ENVIRONMENT, ClassifierApplication.class,
                    List.of(BOOTSTRAP_SERVERS, KAFKA_USERNAME, KAFKA_PASSWORD, GUARD_ENABLED, REPLICATION_FACTOR, STATE_DIR, REGISTRY_URL,
                            REGISTRY_CLIENT_ID, REGISTRY_CLIENT_SECRET, REGISTRY_TOKEN_ENDPOINT, SERVER_PORT, ISSUER, DISCOVERY_URL)),
            "alerting", new PlatformService(AlertingApplication.ENVIRONMENT, AlertingApplication.class,
                    List.of(BOOTSTRAP_SERVERS, KAFKA_USERNAME, KAFKA_PASSWORD, GUARD_ENABLED, REPLICATION_FACTOR, STATE_DIR, REGISTRY_URL,
                            REGISTRY_CLIENT_ID, REGISTRY_CLIENT_SECRET, REGISTRY_TOKEN_ENDPOINT, SERVER_PORT, ISSUER, DISCOVERY_URL,
                            JDBC_URL, JDBC_USERNAME, JDBC_PASSWORD)),
            "statistics", new PlatformService(StatisticsApplication.ENVIRONMENT, StatisticsApplication.class,
                    List.of(BOOTSTRAP_SERVERS, KAFKA_USERNAME, KAFKA_PASSWORD, GUARD_ENABLED, REPLICATION_FACTOR, STATE_DIR, REGISTRY_URL,
                            REGISTRY_CLIENT_ID, REGISTRY_CLIENT_SECRET, REGISTRY_TOKEN_ENDPOINT, SERVER_PORT, ISSUER, DISCOVERY_URL)),
            "schema-registry", new PlatformService(SchemaRegistryApplication.ENVIRONMENT, SchemaRegistryApplication.class,
                    List.of(BOOTSTRAP_SERVERS, KAFKA_USERNAME, KAFKA_PASSWORD, GUARD_ENABLED, REPLICATION_FACTOR, SERVER_PORT, ISSUER,
                            DISCOVERY_URL)));

    private static Map<String, Object> compose;

    @BeforeAll
    static void readComposeFile() throws IOException {
        assertTrue(Files.isRegularFile(COMPOSE_FILE), "no compose file at " + COMPOSE_FILE);
        try (Reader reader = Files.newBufferedReader(COMPOSE_FILE)) {
            compose = new Yaml().load(reader);
        }
    }

    @Test
    void composeRunsExactlyThePlatformServicesThisTestKnows() {
        Set<String> built = services().entrySet().stream()
                .filter(e -> e.getValue().containsKey("build"))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertEquals(SERVICES.keySet(), built, "services built from this repository");
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake", "classifier", "alerting", "statistics", "learning", "schema-registry"})
    void everyVariableSetsAPropertyTheServiceReads(String service) {
        Map<String, Setting> setBy = settingsByVariable(service);
        Map<String, List<String>> variablesPerProperty = new TreeMap<>();
        setBy.forEach((variable, setting) -> variablesPerProperty.computeIfAbsent(setting.property(), p -> new ArrayList<>()).add(variable));
        for (Setting setting : SERVICES.get(service).settings()) {
            List<String> variables = variablesPerProperty.getOrDefault(setting.property(), List.of());
            assertEquals(1, variables.size(), service + ": " + setting.property() + " must be set by exactly one variable, is set by " + variables);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake", "classifier", "alerting", "statistics", "learning", "schema-registry"})
    void composeValuesArriveInTheTypedSettings(String service) {
        Map<String, String> environment = environment(service);
        Map<String, Setting> setBy = settingsByVariable(service);
        try (ApplicationContext context = startSettingsOnly(service, environment)) {
            assertTrue(context.getEnvironment().getActiveNames().contains(SERVICES.get(service).environment()));
            assertTrue(servicesBeansAreDefined(context, service), "the context must hold " + service + "'s own beans");
            setBy.forEach((variable, setting) -> assertEquals(environment.get(variable), String.valueOf(setting.reader().apply(context)),
                    service + ": " + variable + " must arrive in " + setting.property()));
        }
    }

    /** Compose values may equal a default (port 8080, replication factor 1); probe values cannot, so they prove the mapping. */
    @ParameterizedTest
    @ValueSource(strings = {"intake", "classifier", "alerting", "statistics", "learning", "schema-registry"})
    void everyVariableOverridesTheServiceDefaults(String service) {
        Map<String, Setting> setBy = settingsByVariable(service);
        Map<String, String> probes = new LinkedHashMap<>();
        setBy.forEach((variable, setting) -> probes.put(variable, setting.probe()));
        try (ApplicationContext context = startSettingsOnly(service, probes)) {
            setBy.forEach((variable, setting) -> assertEquals(setting.probe(), String.valueOf(setting.reader().apply(context)),
                    service + ": " + variable + "=" + setting.probe() + " must arrive in " + setting.property()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake", "classifier", "alerting", "statistics", "learning", "schema-registry"})
    void servicesPointAtTheComposeInfrastructure(String service) {
        Map<String, String> env = environment(service);
        Map<String, String> kafka = environment("kafka");
        List<String> internalListeners = List.of(kafka.get("KAFKA_ADVERTISED_LISTENERS").split(",")).stream()
                .map(listener -> listener.substring(listener.indexOf("://") + 3))
                .filter(address -> address.startsWith("kafka:"))
                .toList();
        assertTrue(internalListeners.contains(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                service + " must use Kafka's listener for containers " + internalListeners);
        assertEquals("1", env.get("KAFKA_REPLICATION_FACTOR"), "compose runs a single broker");

        if (!service.equals("schema-registry")) {
            assertEquals("http://schema-registry:" + environment("schema-registry").get("MICRONAUT_SERVER_PORT"),
                    env.get("SCHEMA_REGISTRY_URL"), service + " must use the compose schema registry");
        }

        assertTrue(containerPorts(service).contains(env.get("MICRONAUT_SERVER_PORT")),
                service + " must listen on the container port it publishes " + containerPorts(service));

        // Tokens are issued under the address people sign in at (the published port); the keys are read inside the network.
        Map<String, String> keycloak = environment("keycloak");
        String keycloakPort = command("keycloak").stream().filter(a -> a.startsWith("--http-port=")).findFirst()
                .map(a -> a.substring("--http-port=".length()))
                .orElseThrow(() -> new AssertionError("keycloak must name its --http-port"));
        assertTrue(containerPorts("keycloak").contains(keycloakPort), "keycloak must publish its port " + keycloakPort);
        String realmPath = "/realms/" + keycloakRealmName();
        assertEquals(keycloak.get("KC_HOSTNAME") + realmPath, env.get("PLATFORM_SECURITY_ISSUER"), service + " must trust the compose realm's issuer");
        assertEquals("http://keycloak:" + keycloakPort + realmPath, env.get("PLATFORM_SECURITY_DISCOVERY_URL"),
                service + " must read the realm's keys from the keycloak container");
        assertTrue(((Map<?, ?>) service(service).get("depends_on")).containsKey("keycloak"), service + " must start after keycloak");

        if (env.containsKey("KAFKA_STATE_DIR")) {
            assertTrue(volumeTargets(service).contains(env.get("KAFKA_STATE_DIR")),
                    service + "'s Kafka Streams state must live on a volume " + volumeTargets(service));
        }
        if (env.containsKey("DATASOURCES_DEFAULT_URL")) {
            Map<String, String> postgres = environment("postgres");
            // A service may keep its tables in a schema of its own (?currentSchema=...), in the same database.
            assertEquals("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"), env.get("DATASOURCES_DEFAULT_URL").split("\\?currentSchema=")[0],
                    service + " must use the compose PostgreSQL database");
            assertEquals(postgres.get("POSTGRES_USER"), env.get("DATASOURCES_DEFAULT_USERNAME"), service + ": PostgreSQL user");
            assertEquals(postgres.get("POSTGRES_PASSWORD"), env.get("DATASOURCES_DEFAULT_PASSWORD"), service + ": PostgreSQL password");
        }
    }

    /** Each service signs in as its own row of the ACL table, with the password kafka-access gave that account. */
    @ParameterizedTest
    @ValueSource(strings = {"intake", "classifier", "alerting", "statistics", "learning", "schema-registry"})
    void servicesSignInToKafkaAsTheirOwnAccounts(String service) {
        Map<String, String> env = environment(service);
        Map<String, String> access = environment("kafka-access");
        KafkaPrincipal principal = KafkaPrincipals.named(service).orElseThrow();
        assertEquals(principal.name(), env.get("KAFKA_USERNAME"));
        assertEquals(access.get(KafkaAccessSetup.passwordVariable(principal)), env.get("KAFKA_PASSWORD"), service + "'s Kafka password");
        assertTrue(((Map<?, ?>) service(service).get("depends_on")).containsKey("kafka-access"), service + " must start after kafka-access");
        boolean guards = !"false".equals(env.get("KAFKA_TRANSACTION_GUARD_ENABLED"));
        assertEquals(service.equals("intake"), guards, "one guard per cluster, run by intake");
        if (guards) {
            assertEquals(KafkaPrincipals.TRANSACTION_GUARD.name(), env.get("KAFKA_TRANSACTION_GUARD_USERNAME"));
            assertEquals(access.get(KafkaAccessSetup.passwordVariable(KafkaPrincipals.TRANSACTION_GUARD)), env.get("KAFKA_TRANSACTION_GUARD_PASSWORD"));
        }
    }

    @Test
    void kafkaAccessSetsEveryAccountOfTheTableAsTheBrokersAdministrator() {
        Map<String, String> access = environment("kafka-access");
        assertEquals(KafkaAccessSetup.class.getName(), access.get("MAIN_CLASS"));
        for (KafkaPrincipal principal : KafkaPrincipals.ALL) {
            assertTrue(access.containsKey(KafkaAccessSetup.passwordVariable(principal)), "kafka-access must set " + principal.name());
        }
        Map<String, String> kafka = environment("kafka");
        assertTrue(kafka.get("KAFKA_ADVERTISED_LISTENERS").contains("BROKER://" + access.get("KAFKA_BOOTSTRAP_SERVERS")),
                "kafka-access must use the administrator's listener");
        assertTrue(kafka.get("KAFKA_LISTENER_NAME_BROKER_PLAIN_SASL_JAAS_CONFIG")
                        .contains("user_" + access.get("KAFKA_ADMIN_USERNAME") + "=\"" + access.get("KAFKA_ADMIN_PASSWORD") + "\""),
                "kafka-access must sign in with the administrator's password");
        assertEquals("User:" + access.get("KAFKA_ADMIN_USERNAME"), kafka.get("KAFKA_SUPER_USERS"));
        assertEquals("false", kafka.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND"));
        for (String listener : kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
            assertTrue(listener.endsWith(":SASL_PLAINTEXT"), "every listener signs in: " + listener);
        }
    }

    // --- how Micronaut sees the variables ---------------------------------------------------------------------

    /**
     * The allow-listed setting each of the service's variables sets, decided by Micronaut itself: the variable alone,
     * with a marker value, in an environment-variable property source; whichever allowed property then resolves to the
     * marker is the one it sets. Fails for a variable that sets none.
     */
    private static Map<String, Setting> settingsByVariable(String service) {
        PlatformService platformService = SERVICES.get(service);
        Map<String, Setting> setBy = new TreeMap<>();
        for (String variable : environment(service).keySet()) {
            String marker = "marker-for-" + variable;
            ApplicationContext context = builder(service, Map.of(variable, marker)).build();
            Environment environment = context.getEnvironment().start();
            try {
                List<Setting> set = platformService.settings().stream()
                        .filter(s -> environment.getProperty(s.property(), String.class).filter(marker::equals).isPresent())
                        .toList();
                if (set.size() != 1) {
                    fail(service + ": " + variable + " sets " + (set.isEmpty() ? "no property " : "several properties ") + service
                            + " reads; allowed are " + platformService.settings().stream().map(Setting::property).toList()
                            + " (a typo, or a new setting missing from " + DockerComposeConfigurationTest.class.getSimpleName() + "'s allow-list?)");
                }
                setBy.put(variable, set.get(0));
            } finally {
                environment.stop();
            }
        }
        return setBy;
    }

    /** The service's context, started without its eager beans, its configuration coming from {@code variables} only. */
    private static ApplicationContext startSettingsOnly(String service, Map<String, String> variables) {
        return builder(service, variables).eagerInitSingletons(false).start();
    }

    private static DefaultApplicationContextBuilder builder(String service, Map<String, String> variables) {
        DefaultApplicationContextBuilder builder = new SettingsOnlyContextBuilder();
        builder.environments(SERVICES.get(service).environment())
                .deduceEnvironment(false)
                .environmentPropertySource(false) // the JVM's own environment must not leak in
                .propertySources(new ComposeEnvironmentPropertySource(variables));
        return builder;
    }

    /**
     * The compose variables as Micronaut's {@link EnvironmentPropertySource} would present them in the container:
     * same name, same upper-case-underscore convention, same precedence (above application-&lt;env&gt;.yml, below
     * system properties).
     */
    private static final class ComposeEnvironmentPropertySource extends MapPropertySource {

        ComposeEnvironmentPropertySource(Map<String, String> variables) {
            super(EnvironmentPropertySource.NAME, new LinkedHashMap<>(variables));
        }

        @Override
        public int getOrder() {
            return EnvironmentPropertySource.POSITION;
        }

        @Override
        public PropertyConvention getConvention() {
            return PropertyConvention.ENVIRONMENT_VARIABLE;
        }
    }

    private static final class SettingsOnlyContextBuilder extends DefaultApplicationContextBuilder {
        @Override
        protected ApplicationContext newApplicationContext() {
            return new SettingsOnlyContext(this);
        }
    }

    /**
     * A context whose start loads and binds configuration but skips what {@code start()} would otherwise create
     * eagerly: the services' {@code @Context} beans (Kafka Streams, the alert projector), eager singletons and the
     * JDBC pool, all of which would connect to Kafka or PostgreSQL. Beans are still created on demand, so the typed
     * settings are the real ones, bound by Micronaut from the real property sources.
     */
    private static final class SettingsOnlyContext extends DefaultApplicationContext {

        SettingsOnlyContext(ApplicationContextConfiguration configuration) {
            super(configuration);
        }

        @Override
        @SuppressWarnings("rawtypes") // the element type is package-private in Micronaut
        protected void initializeContext(List contextScopeBeans, List processedBeans, List parallelBeans) {
            initializeTypeConverters(this);
        }
    }

    private static boolean servicesBeansAreDefined(ApplicationContext context, String service) {
        String servicePackage = SERVICES.get(service).application().getPackageName();
        return context.getAllBeanDefinitions().stream().anyMatch(d -> d.getBeanType().getPackageName().equals(servicePackage));
    }

    private static DatasourceConfiguration datasource(ApplicationContext context) {
        return context.getBean(DatasourceConfiguration.class, Qualifiers.byName("default"));
    }

    // --- reading docker-compose.yml ---------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        Object services = compose.get("services");
        assertNotNull(services, "docker-compose.yml has no services");
        return (Map<String, Map<String, Object>>) services;
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        assertNotNull(service, "docker-compose.yml has no service " + name);
        return service;
    }

    /** A service's {@code environment:}, in either compose form (map, or list of NAME=value). */
    private static Map<String, String> environment(String service) {
        Object environment = service(service).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((name, value) -> variables.put(String.valueOf(name), value == null ? null : interpolated(String.valueOf(value))));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = String.valueOf(entry).split("=", 2);
                variables.put(pair[0], pair.length == 2 ? interpolated(pair[1]) : null);
            }
        } else {
            fail(service + " has no environment in docker-compose.yml");
        }
        variables.forEach((name, value) -> {
            assertNotNull(value, service + ": " + name + " has no value (it would be taken from the host)");
            assertTrue(!value.contains("$"), service + ": " + name + " uses interpolation, which this test does not evaluate: " + value);
        });
        return variables;
    }

    /** Container-side ports of {@code ports:}, short ("8080:8080", "127.0.0.1:8080:8080/tcp") or long syntax. */
    /** {@code ${NAME:-default}} as compose reads it when NAME is not set: the default. */
    private static String interpolated(String value) {
        return value.replaceAll("\\$\\{[A-Z0-9_]+:-([^}]*)}", "$1");
    }

    private static Set<String> containerPorts(String service) {
        return entries(service, "ports").stream()
                .map(entry -> entry instanceof Map<?, ?> map ? String.valueOf(map.get("target")) : lastSegment(String.valueOf(entry).split("/")[0]))
                .collect(Collectors.toSet());
    }

    /** Container-side paths of {@code volumes:}, short ("name:/path[:ro]") or long syntax. */
    private static Set<String> volumeTargets(String service) {
        return entries(service, "volumes").stream()
                .map(entry -> entry instanceof Map<?, ?> map ? String.valueOf(map.get("target")) : String.valueOf(entry).split(":")[1])
                .collect(Collectors.toSet());
    }

    private static List<String> command(String service) {
        return entries(service, "command").stream().map(String::valueOf).toList();
    }

    /** The services register their schemas as the realm's platform-services client, at Keycloak inside the network. */
    @ParameterizedTest
    @ValueSource(strings = {"intake", "classifier", "alerting", "statistics", "learning"})
    void servicesSignInToTheRegistryAsTheRealmsServiceClient(String service) throws IOException {
        Map<String, String> env = environment(service);
        com.fasterxml.jackson.databind.JsonNode realm = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(COMPOSE_FILE.getParent().resolve("infra/keycloak/patient-safety-realm.json").toFile());
        com.fasterxml.jackson.databind.JsonNode client = null;
        for (com.fasterxml.jackson.databind.JsonNode c : realm.path("clients")) {
            if (c.path("clientId").asText().equals(env.get("SCHEMA_REGISTRY_CLIENT_ID"))) {
                client = c;
            }
        }
        assertNotNull(client, service + ": the realm has no client " + env.get("SCHEMA_REGISTRY_CLIENT_ID"));
        assertEquals(DemoAccount.PLATFORM_SERVICES, env.get("SCHEMA_REGISTRY_CLIENT_ID"));
        assertEquals(client.path("secret").asText(), env.get("SCHEMA_REGISTRY_CLIENT_SECRET"), service + ": the client's secret");
        assertEquals(environment("schema-registry").get("PLATFORM_SECURITY_DISCOVERY_URL") + "/protocol/openid-connect/token",
                env.get("SCHEMA_REGISTRY_TOKEN_ENDPOINT"), service + " must ask the realm's token endpoint inside the network");
        Map<?, ?> keycloak = (Map<?, ?>) ((Map<?, ?>) service(service).get("depends_on")).get("keycloak");
        assertEquals("service_healthy", keycloak.get("condition"), service + " fetches a token as it starts: Keycloak must be ready");
    }

    private static Object field(Object bean, String name) {
        try {
            java.lang.reflect.Field field = bean.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field.get(bean);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The realm docker-compose imports into Keycloak from infra/keycloak. */
    private static String keycloakRealmName() {
        Path realm = COMPOSE_FILE.getParent().resolve("infra/keycloak/patient-safety-realm.json");
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(realm.toFile()).path("realm").asText();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + realm, e);
        }
    }

    private static List<?> entries(String service, String key) {
        return Optional.ofNullable((List<?>) service(service).get(key)).orElse(List.of());
    }

    private static String lastSegment(String value) {
        return value.substring(value.lastIndexOf(':') + 1);
    }
}
