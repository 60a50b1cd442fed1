package dk.rm.patientsafety.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** An instance id made once and kept in a directory, so the instance keeps it across restarts. */
final class InstanceIds {

    private static final String FILE = "instance-id";

    private InstanceIds() {
    }

    static synchronized String keptIn(Path directory) {
        Path file = directory.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file).strip();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            Files.createDirectories(directory);
            String id = UUID.randomUUID().toString().substring(0, 8);
            Path temporary = Files.createTempFile(directory, FILE, ".tmp");
            Files.writeString(temporary, id);
            // Atomic, so a crash while writing never leaves an empty or half-written id behind.
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the instance id in " + file, e);
        }
    }
}
