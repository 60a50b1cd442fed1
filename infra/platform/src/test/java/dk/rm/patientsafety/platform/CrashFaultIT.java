package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.identity.DemoSignIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash safety of the embedded default, as a user runs it: the platform in its own JVM under steady load on every intake
 * path, killed with SIGKILL at random moments (under load, during start-up, just after start-up while the streams
 * rebalance) and restarted on the same data and ports. After each restart the pipeline must move again (a serious
 * report's alert in the API) within 60 s; at the end every promise of the load's ledger must have been kept exactly once.
 * The platform's output goes to {@code target/crash-fault-platform.log}; {@code -Dfault.seed=N} repeats a run.
 */
class CrashFaultIT {

    private static final int ROUNDS = 6;
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    private final long seed = Long.getLong("fault.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private PrintWriter platformLog;

    @Test
    void survivesSigkillAtRandomMomentsWithNothingLostOrDuplicated() throws Exception {
        for (String name : List.of("KAFKA_PORT", "SCHEMA_REGISTRY_PORT", "INTAKE_PORT", "ALERTING_PORT", "CLASSIFIER_PORT",
                "STATISTICS_PORT", "LEARNING_PORT", "POSTGRES_PORT", "IDP_PORT")) {
            ports.put(name, freePort());
        }
        Path logFile = Path.of("target", "crash-fault-platform.log");
        Files.createDirectories(logFile.getParent());
        platformLog = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true);
        List<String> report = new ArrayList<>(List.of("seed " + seed));
        Platform platform = start();
        platform.awaitReady();
        PlatformLoad load = new PlatformLoad(PlatformLoad.Endpoints.kept(url("INTAKE_PORT"), url("ALERTING_PORT"),
                "127.0.0.1:" + ports.get("KAFKA_PORT"), dataDir.resolve("kafka-accounts"), url("SCHEMA_REGISTRY_PORT"),
                DemoSignIn.to(ports.get("IDP_PORT"), dataDir)::token)).start();
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                // Round 1 ends in a kill during the next start-up; round 3 kills just after start-up, while streams rebalance.
                String moment = switch (round) {
                    case 2 -> "during start-up";
                    case 3 -> "just after start-up, while the streams rebalance";
                    default -> "under load";
                };
                if (round != 2) {
                    Thread.sleep(round == 3 ? random.nextInt(1_500) : 3_000 + random.nextInt(9_000));
                }
                int before = load.accepted();
                platform.kill();
                platform = start();
                if (round == 1) {
                    Thread.sleep(2_000 + random.nextInt(5_000));
                    report.add("round 1 (%s): %d reports accepted so far; killed again during start-up".formatted(moment, before));
                    continue;
                }
                Instant ready = platform.awaitReady();
                String probe = load.probe(RECOVERY_LIMIT);
                Duration recovery = probe == null ? RECOVERY_LIMIT.plusSeconds(1) : load.awaitAlert(probe, ready, RECOVERY_LIMIT.plusSeconds(1));
                report.add("round %d (%s): %d reports accepted so far; pipeline moving %d ms after the restart was ready"
                        .formatted(round, moment, before, recovery.toMillis()));
                assertTrue(recovery.compareTo(RECOVERY_LIMIT) <= 0, "round " + round + ": pipeline not moving again within "
                        + RECOVERY_LIMIT + "\n" + String.join("\n", report));
            }
            Thread.sleep(5_000);
        } finally {
            load.stop();
        }
        try {
            List<String> problems = load.brokenPromises();
            assertEquals(List.of(), problems.stream().limit(20).toList(), problems.size() + " broken promises\n" + String.join("\n", report));
            assertTrue(load.accepted() > 200, "the load ran: " + load.accepted());
        } finally {
            report.forEach(System.out::println);
            platform.stop();
            platformLog.close();
        }
    }

    private Platform start() throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", classpath, PlatformMain.class.getName()).redirectErrorStream(true);
        ports.forEach((name, port) -> builder.environment().put(name, String.valueOf(port)));
        builder.environment().put("DATA_DIR", dataDir.toString());
        platformLog.println("==== start at " + Instant.now());
        return new Platform(builder.start(), platformLog);
    }

    private String url(String port) {
        return "http://127.0.0.1:" + ports.get(port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The platform as a child JVM, its output copied to the log. */
    private static final class Platform {
        private final Process process;
        private final CountDownLatch ready = new CountDownLatch(1);

        Platform(Process process, PrintWriter log) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        log.println(line);
                        if (line.startsWith("Press Ctrl-C")) {
                            ready.countDown();
                        }
                    }
                } catch (IOException e) {
                    // killed
                }
            }, "platform-output");
            reader.setDaemon(true);
            reader.start();
        }

        Instant awaitReady() throws InterruptedException {
            assertTrue(ready.await(180, TimeUnit.SECONDS), "platform ready");
            return Instant.now();
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        }

        void stop() throws InterruptedException {
            process.toHandle().destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
