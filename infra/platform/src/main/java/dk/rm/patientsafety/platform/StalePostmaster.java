package dk.rm.patientsafety.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A platform killed without its shutdown (SIGKILL, a power cut of the JVM alone) leaves its PostgreSQL running on the
 * data directory, holding the port and the directory's lock. The next start stops that server first, as its owner would
 * have: PostgreSQL writes its pid on the first line of {@code postmaster.pid}.
 */
final class StalePostmaster {

    private static final long STOP_SECONDS = 20;

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Optional<ProcessHandle> postmaster = find(dataDir);
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle process = postmaster.get();
        System.out.println("Stopping PostgreSQL left running by an earlier platform (pid " + process.pid() + ") ...");
        // SIGTERM: PostgreSQL's smart shutdown; the dead platform's sessions are gone, so it ends at once.
        process.destroy();
        try {
            process.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    static Optional<ProcessHandle> find(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        // The pid may since belong to another program: only a postgres process is stopped.
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }
}
