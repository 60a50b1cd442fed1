package dk.rm.patientsafety.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded default as a user runs it: a separate JVM that prints its URLs, runs until signalled, then stops cleanly. */
class PlatformMainIT {

    @TempDir
    Path dataDir;

    @Test
    void printsEveryServiceUrlAndStopsCleanlyOnSigterm() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, PlatformMain.class.getName()).redirectErrorStream(true);
        builder.environment().putAll(java.util.Map.of("KAFKA_PORT", "0", "SCHEMA_REGISTRY_PORT", "0", "INTAKE_PORT", "0",
                "ALERTING_PORT", "0", "CLASSIFIER_PORT", "0", "POSTGRES_PORT", "0", "DATA_DIR", dataDir.toString()));
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && !line.startsWith("Press Ctrl-C")) {
                output.add(line);
            }
            String printed = String.join("\n", output);
            for (String service : List.of("Kafka", "Schema registry", "PostgreSQL", "Intake", "Alerting", "Classifier health")) {
                assertTrue(printed.contains("  " + service), service + " URL printed:\n" + printed);
            }
            // SIGTERM runs the same shutdown hook as Ctrl-C; the handle, unlike Process.destroy(), leaves the output open to read.
            process.toHandle().destroy();
            while ((line = reader.readLine()) != null) {
                output.add(line);
            }
        } finally {
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            assertTrue(exited, "platform exits after the signal");
        }
        assertTrue(output.contains("Stopped."), String.join("\n", output));
        assertEquals(143, process.exitValue(), "exit status of a JVM ended by SIGTERM");
    }
}
