package dk.rm.patientsafety.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.rm.patientsafety.testkit.TestIdentityProvider;
import dk.rm.patientsafety.testkit.TestWebhookReceiver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long a serious report takes from being accepted over HTTP to its alert on the officers' live stream (SSE) and at a
 * webhook subscriber, under a steady load of reports. Prints a table of p50/p95/p99/max; asserts nothing.
 *
 * <pre>./mvnw -q -pl infra/platform -Pload test-compile exec:exec -Dload.main=dk.rm.patientsafety.platform.AlertLatencyBenchmark -Dload.args="SECONDS RATE"</pre>
 * Defaults: 60 s at 200 reports/s, one in 20 serious. Broker, registry, identity provider, services and the load share
 * one JVM and the machine's cores.
 */
public final class AlertLatencyBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] DEPARTMENTS = {"1309011000000", "1309012000000", "1309014000000", "1309021000000", "1309031000000"};
    private static final int SERIOUS_EVERY = 20;

    private AlertLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dir = Files.createTempDirectory("alert-latency");
        try (PlatformServices services = TestPlatform.start(dir)) {
            String intake = services.service("intake").url() + "/api/v1/incidents";
            String reporter = TestIdentityProvider.bearer("reporter");
            Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            List<Long> accept = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger refused = new AtomicInteger();
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
            try (SseClient stream = SseClient.open(services.service("alerting").url() + "/api/v1/alerts/stream", "regional-team", null)) {
                warmUp(http, intake, reporter);
                long start = System.nanoTime();
                int total = seconds * rate;
                for (int i = 0; i < total; i++) {
                    long planned = start + i * 1_000_000_000L / rate;
                    long wait = planned - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    boolean serious = i % SERIOUS_EVERY == 0;
                    String sourceId = "latency-" + i + "-" + start;
                    HttpRequest request = HttpRequest.newBuilder(URI.create(intake)).header("Authorization", reporter)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(report(sourceId, DEPARTMENTS[i % DEPARTMENTS.length], serious))).build();
                    http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                        long now = System.nanoTime();
                        if (error != null || response.statusCode() != 202) {
                            refused.incrementAndGet();
                            return;
                        }
                        accept.add(now - planned);
                        if (serious) {
                            try {
                                String reportId = JSON.readTree(response.body()).get("reportId").asText();
                                acceptedAt.put(reportId, now);
                                sentAt.put(reportId, planned);
                            } catch (Exception e) {
                                refused.incrementAndGet();
                            }
                        }
                    });
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                Map<String, Long> onStream = arrivals(stream, acceptedAt, deadline);
                Map<String, Long> atWebhook = webhookArrivals(acceptedAt, deadline);
                System.out.printf(Locale.ROOT, "%nAlert latency: %d s at %d reports/s (one in %d serious); %d accepted, %d refused or failed%n",
                        seconds, rate, SERIOUS_EVERY, accept.size(), refused.get());
                System.out.println("| path | n | p50 | p95 | p99 | max |");
                System.out.println("|---|---|---|---|---|---|");
                row("report sent → 202 accepted (every report)", new ArrayList<>(accept));
                row("202 accepted → alert on the SSE stream", between(acceptedAt, onStream));
                row("report sent → alert on the SSE stream", between(sentAt, onStream));
                row("202 accepted → webhook received", between(acceptedAt, atWebhook));
                System.out.printf(Locale.ROOT, "serious reports accepted %d; their alerts on the stream %d, at the webhook %d%n",
                        acceptedAt.size(), onStream.size(), atWebhook.size());
            }
        }
        System.exit(0); // the embedded broker's threads would keep the JVM alive; its shutdown hook stops it
    }

    private static void warmUp(HttpClient http, String intake, String reporter) throws Exception {
        for (int i = 0; i < 200; i++) {
            http.send(HttpRequest.newBuilder(URI.create(intake)).header("Authorization", reporter).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(report("warm-up-" + i + "-" + System.nanoTime(), DEPARTMENTS[i % DEPARTMENTS.length],
                            i % SERIOUS_EVERY == 0))).build(), HttpResponse.BodyHandlers.discarding());
        }
        Thread.sleep(5_000);
    }

    /** When each serious report's RAISED step arrived on the stream (the client's clock is the JVM's nanoTime). */
    private static Map<String, Long> arrivals(SseClient stream, Map<String, Long> expected, long deadline) throws Exception {
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        while (System.nanoTime() < deadline) {
            for (SseClient.Event event : stream.seen()) {
                JsonNode payload = JSON.readTree(event.data());
                if ("RAISED".equals(payload.path("step").path("action").asText()) && "SERIOUS_INCIDENT".equals(payload.path("alert").path("kind").asText())) {
                    arrived.putIfAbsent(payload.path("alert").path("reportId").asText(), event.nanos());
                }
            }
            if (arrived.keySet().containsAll(expected.keySet())) {
                break;
            }
            Thread.sleep(200);
        }
        return arrived;
    }

    private static Map<String, Long> webhookArrivals(Map<String, Long> expected, long deadline) throws Exception {
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        while (System.nanoTime() < deadline) {
            for (TestWebhookReceiver.Request request : TestWebhookReceiver.shared().received(r -> r.answered() / 100 == 2)) {
                JsonNode payload = JSON.readTree(request.body());
                if ("RAISED".equals(payload.path("step").path("action").asText())) {
                    arrived.putIfAbsent(payload.path("alert").path("reportId").asText(), request.nanos());
                }
            }
            if (arrived.keySet().containsAll(expected.keySet())) {
                break;
            }
            Thread.sleep(200);
        }
        return arrived;
    }

    private static List<Long> between(Map<String, Long> from, Map<String, Long> to) {
        List<Long> latencies = new ArrayList<>();
        from.forEach((id, start) -> {
            Long end = to.get(id);
            if (end != null) {
                latencies.add(end - start);
            }
        });
        return latencies;
    }

    private static void row(String path, List<Long> nanos) {
        if (nanos.isEmpty()) {
            System.out.printf(Locale.ROOT, "| %s | 0 | | | | |%n", path);
            return;
        }
        Collections.sort(nanos);
        System.out.printf(Locale.ROOT, "| %s | %d | %d ms | %d ms | %d ms | %d ms |%n", path, nanos.size(), ms(nanos, 0.50), ms(nanos, 0.95),
                ms(nanos, 0.99), nanos.get(nanos.size() - 1) / 1_000_000);
    }

    private static long ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1_000_000;
    }

    private static String report(String sourceId, String unit, boolean serious) throws Exception {
        return JSON.writeValueAsString(Map.of(
                "source", "latency-bench", "sourceId", sourceId,
                "headline", serious ? "Forkert dosis givet" : "Fald på gangen",
                "description", serious ? "Patienten fik dobbelt dosis." : "Patienten faldt uden følger.",
                "eventDate", LocalDate.now().minusDays(1).toString(), "eventTime", "08:30",
                "incidentLocation", unit,
                "actualConsequence", serious ? "SERIOUS" : "NONE", "possibleConsequence", serious ? "FATAL" : "MINOR",
                "reporterType", "HEALTH_PROFESSIONAL"));
    }
}
