package dk.rm.patientsafety.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded default's PostgreSQL on a real server: no way in without its password, before or after a restart. */
class PlatformPostgresTest {

    @Test
    void refusesEveryConnectionWithoutThePasswordAndKeepsItAcrossRestarts(@TempDir Path data) throws Exception {
        Path dir = data.resolve("postgres");
        try (EmbeddedPostgres postgres = PlatformPostgres.start(dir, 0)) {
            String url = postgres.getJdbcUrl(PlatformPostgres.USER, "postgres");
            String password = Files.readString(PlatformPostgres.passwordFile(dir)).strip();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(PlatformPostgres.passwordFile(dir))));
            assertTrue(refusedSoon(url, null), "no password");
            assertFalse(canConnect(url, "postgres"), "the well-known default password");
            assertTrue(canConnect(url, password));
        }
        try (EmbeddedPostgres restarted = PlatformPostgres.start(dir, 0)) {
            String url = restarted.getJdbcUrl(PlatformPostgres.USER, "postgres");
            assertFalse(canConnect(url, null), "still refused after a restart");
            assertTrue(canConnect(url, Files.readString(PlatformPostgres.passwordFile(dir)).strip()));
        }
    }

    /** The new pg_hba.conf is read a moment after the reload signal. */
    private static boolean refusedSoon(String url, String password) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (!canConnect(url, password)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static boolean canConnect(String url, String password) {
        Properties properties = new Properties();
        if (password != null) {
            properties.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }
}
