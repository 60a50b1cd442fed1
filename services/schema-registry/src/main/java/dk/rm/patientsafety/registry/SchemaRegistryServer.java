package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.topics.KafkaLogin;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.Map;

/** A running schema registry in this JVM, for the platform's embedded default and for tests. */
public final class SchemaRegistryServer implements AutoCloseable {

    private final ApplicationContext context;
    private final EmbeddedServer server;

    private SchemaRegistryServer(ApplicationContext context, EmbeddedServer server) {
        this.context = context;
        this.server = server;
    }

    /**
     * Starts a registry on {@code port} (0 for a free one) that keeps its schemas on the Kafka cluster at
     * the Kafka cluster it signs in to with {@code kafka} (the schema-registry account), trusting the tokens of
     * {@code issuer}. Returns once the stored schemas are loaded and the HTTP server is listening.
     */
    public static SchemaRegistryServer start(KafkaLogin kafka, String issuer, int port) {
        Map<String, Object> properties = new HashMap<>(KafkaSettings.properties(kafka));
        properties.putAll(Map.of(
                        "platform.security.issuer", issuer,
                        // The registry writes no transactions; the platform's services guard against hanging ones.
                        "kafka.transaction-guard.enabled", "false",
                        // Loopback only: in this JVM it serves the platform's own services and the user's machine.
                        "micronaut.server.host", "127.0.0.1",
                        // Micronaut's "any free port" is -1; 0 is what Java's sockets use for the same.
                        "micronaut.server.port", port == 0 ? -1 : port));
        ApplicationContext context = ApplicationContext.builder()
                .environments(SchemaRegistryApplication.ENVIRONMENT)
                .properties(properties)
                .start();
        try {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            return new SchemaRegistryServer(context, server);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        // An address rather than "localhost", so clients that try IPv6 first do not depend on how it resolves.
        return "http://127.0.0.1:" + server.getPort();
    }

    public int port() {
        return server.getPort();
    }

    /** The registry's context, for tests that look at its beans. */
    public ApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            context.close();
        }
    }
}
