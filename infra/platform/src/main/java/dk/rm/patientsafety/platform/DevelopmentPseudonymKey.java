package dk.rm.patientsafety.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded default's pseudonym key: random, made once per data directory and kept there (owner-only), so
 * pseudonyms stay stable across restarts. Production keys come from a secret store, never from here.
 */
final class DevelopmentPseudonymKey {

    static final String ID = "local";
    private static final String FILE = "intake-pseudonym.key";

    private DevelopmentPseudonymKey() {
    }

    static String loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(dataDir);
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String key = Base64.getEncoder().encodeToString(secret);
            Files.writeString(file, key);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the pseudonym key in " + dataDir, e);
        }
    }
}
