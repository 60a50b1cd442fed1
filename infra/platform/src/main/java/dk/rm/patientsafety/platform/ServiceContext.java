package dk.rm.patientsafety.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.Map;

/**
 * One service's Micronaut context inside the shared JVM. Only its environment's beans load (each service
 * package requires its environment), and the process environment is ignored so one service's variables
 * cannot leak into another's configuration.
 */
public final class ServiceContext implements AutoCloseable {

    private final String name;
    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final Map<String, Object> properties;

    private ServiceContext(String name, ApplicationContext context, EmbeddedServer server, Map<String, Object> properties) {
        this.name = name;
        this.context = context;
        this.server = server;
        this.properties = properties;
    }

    /** Starts the service's context and its HTTP server; port 0 picks a free port. */
    public static ServiceContext start(String environment, int port, Map<String, Object> properties) {
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("micronaut.server.port", port == 0 ? -1 : port);
        // The embedded default serves this machine only; a deployment puts its own gateway in front.
        all.put("micronaut.server.host", "127.0.0.1");
        ApplicationContext context = ApplicationContext.builder()
                .environments(environment)
                .deduceEnvironment(false)
                .environmentPropertySource(false)
                .properties(all)
                .start();
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        server.start();
        return new ServiceContext(environment, context, server, properties);
    }

    /** Stops this service and starts it again on the same port with the same settings, as an operator's restart does. */
    public ServiceContext restart() {
        int port = server.getPort();
        close();
        return start(name, port, properties);
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + server.getPort();
    }

    public ApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        server.stop();
        context.close();
    }
}
