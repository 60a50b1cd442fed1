package dk.rm.patientsafety.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded default as a user runs it: a separate JVM that prints its URLs, runs until signalled, then stops cleanly. */
class PlatformMainIT {

    /** The checkout's root, where README.md and bin/ are (surefire runs in this module's directory). */
    private static final Path REPO = Path.of(System.getProperty("basedir", ".")).resolve("../..").toAbsolutePath().normalize();

    @TempDir
    Path dataDir;

    @Test
    void printsEveryServiceUrlAndStopsCleanlyOnSigterm() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, PlatformMain.class.getName()).redirectErrorStream(true);
        builder.environment().putAll(java.util.Map.of("KAFKA_PORT", "0", "SCHEMA_REGISTRY_PORT", "0", "INTAKE_PORT", "0",
                "ALERTING_PORT", "0", "CLASSIFIER_PORT", "0", "STATISTICS_PORT", "0", "LEARNING_PORT", "0", "POSTGRES_PORT", "0", "IDP_PORT", "0", "DATA_DIR", dataDir.toString()));
        Process process = builder.start();
        // Read all the time, on its own thread: a platform whose output nobody reads blocks once the pipe is full.
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        Thread drain = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.add(line);
                    if (line.startsWith("Press Ctrl-C")) {
                        ready.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        drain.start();
        try {
            assertTrue(ready.await(5, TimeUnit.MINUTES), "platform ready:\n" + String.join("\n", output));
            String printed = String.join("\n", output);
            for (String service : List.of("Kafka", "Schema registry", "PostgreSQL", "Intake", "Alerting", "Classifier health", "Sign-in (OIDC)", "Token endpoint")) {
                assertTrue(printed.contains("  " + service), service + " URL printed:\n" + printed);
            }
            quickStartWorks(printed);
        } finally {
            // SIGTERM runs the same shutdown hook as Ctrl-C.
            process.toHandle().destroy();
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            drain.join(10_000);
            assertTrue(exited, "platform exits after the signal");
        }
        assertTrue(output.contains("Stopped."), String.join("\n", output));
        assertEquals(143, process.exitValue(), "exit status of a JVM ended by SIGTERM");
    }

    /**
     * The README's quick-start block, run with bash as a user would, against this platform's ports: a reporter's token
     * from bin/token, a report accepted, the alerts read with a risk manager's token.
     */
    private void quickStartWorks(String printed) throws Exception {
        String output = runBlock("README.md", "<!-- quick-start:", printed);
        assertTrue(output.contains("\"status\":\"ACCEPTED\""), "the report is accepted:\n" + output);
        assertTrue(output.strip().endsWith("]"), "the alerts answer, a list, comes last:\n" + output);
        assertFalse(output.contains("Sign-in required") || output.contains("Forbidden"), output);
        String chart = runBlock("README.md", "<!-- quick-start-chart:", printed);
        assertTrue(chart.contains("\"accepted\":20,\"rejected\":0"), "the sample file is accepted whole:\n" + chart);
        assertTrue(chart.contains("\"chart\":\"P\"") && chart.contains("\"runsSignal\":true"), "the chart and its shift:\n" + chart);
        String activity = runBlock("docs/quality-data.md", "<!-- quality-upload:", printed);
        assertTrue(activity.contains("\"accepted\":12,\"rejected\":0"), "the activity sample is accepted whole:\n" + activity);
        // The quick start's alert, on its hospital's list, once the projection has stored it.
        Instant deadline = Instant.now().plusSeconds(60);
        String hospital = runBlock("README.md", "<!-- alert-filters:", printed);
        while (!hospital.contains("\"lineage\":[\"1309011000000\",\"1309010000000\",\"1309000000000\"]") && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            hospital = runBlock("README.md", "<!-- alert-filters:", printed);
        }
        assertTrue(hospital.contains("\"responsibleUnit\":\"1309010000000\""), "the hospital's active alerts:\n" + hospital);
        String stream = runBlock("docs/patient-safety-officers.md", "<!-- alert-stream:", printed);
        assertTrue(stream.contains("alert-step") && stream.contains("\"action\":\"RAISED\""), "the quick start's alert on the stream:\n" + stream);
        String subscribed = runBlock("docs/departments-and-partners.md", "<!-- subscribe:", printed);
        assertTrue(subscribed.contains("\"subscriptions\":[{") && subscribed.contains("\"cadence\":\"WEEKLY\""), "the new subscription, listed:\n" + subscribed);
    }

    /** A marked bash block of a document, run with bash as a user would, against this platform's ports. */
    private String runBlock(String file, String mark, String printed) throws Exception {
        String readme = Files.readString(REPO.resolve(file));
        int marker = readme.indexOf(mark);
        assertTrue(marker >= 0, "the README marks the block " + mark);
        int start = readme.indexOf("```bash\n", marker) + "```bash\n".length();
        String script = readme.substring(start, readme.indexOf("```", start))
                .replace("localhost:8080", "localhost:" + port(printed, "Intake"))
                .replace("localhost:8082", "localhost:" + port(printed, "Alerting"))
                .replace("localhost:8084", "localhost:" + port(printed, "Statistics"))
                .replace("localhost:8085", "localhost:" + port(printed, "Learning"));
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(REPO.toFile()).redirectErrorStream(true);
        bash.environment().put("DATA_DIR", dataDir.toString());
        bash.environment().put("IDP_PORT", port(printed, "Sign-in (OIDC)"));
        Process run = bash.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(90, TimeUnit.SECONDS));
        assertEquals(0, run.exitValue(), output);
        return output;
    }

    private static String port(String printed, String service) {
        Matcher url = Pattern.compile("  " + Pattern.quote(service) + "\\s+http://localhost:(\\d+)").matcher(printed);
        assertTrue(url.find(), service + " URL printed:\n" + printed);
        return url.group(1);
    }
}
