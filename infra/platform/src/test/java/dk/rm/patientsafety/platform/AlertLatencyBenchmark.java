package dk.rm.patientsafety.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.service.organisation.OrganisationUnit;
import dk.rm.patientsafety.testkit.TestIdentityProvider;
import dk.rm.patientsafety.testkit.TestKafka;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long a serious report takes from being accepted over HTTP to its alert on the officers' live stream (SSE) and at a
 * webhook subscriber, under a steady load of reports. Prints a table of p50/p95/p99/max; asserts nothing.
 *
 * <pre>./mvnw -q -pl infra/platform -Pload test-compile exec:exec -Dload.main=dk.rm.patientsafety.platform.AlertLatencyBenchmark -Dload.args="SECONDS RATE [DAYS]"</pre>
 * Defaults: 60 s at 200 reports/s, one in 20 serious, over every department of the register and event dates over the
 * last 14 days (DAYS 365 sends a year of history through the live path, which raises a cluster alert every few reports). Broker, registry, identity provider, services and the load share
 * one JVM and the machine's cores.
 */
public final class AlertLatencyBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The background is a region's mix: every department of the register, the backfill's kinds of incident, a year of dates. */
    private static final List<String> DEPARTMENTS = OrganisationRegister.load(Optional.empty()).units().stream()
            .filter(u -> u.kind() == OrganisationUnit.Kind.DEPARTMENT).map(OrganisationUnit::sorCode).sorted().toList();
    private static final int SERIOUS_EVERY = 20;
    /** Live reports are written soon after the event: dates over the last two weeks. 365 sends a year of history live. */
    private static final int DAYS = 14;
    private static final Map<String, java.util.concurrent.atomic.AtomicLong> TAILED = new ConcurrentHashMap<>();

    private AlertLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : DAYS;
        Path dir = Files.createTempDirectory("alert-latency");
        try (PlatformServices services = TestPlatform.start(dir)) {
            String intake = services.service("intake").url() + "/api/v1/incidents";
            String reporter = TestIdentityProvider.bearer("reporter");
            Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            List<Long> accept = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger refused = new AtomicInteger();
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
            Map<String, Long> classifiedAt = new ConcurrentHashMap<>();
            Map<String, Long> onAlertsTopic = new ConcurrentHashMap<>();
            Thread tail = tail(Topics.INCIDENTS_CLASSIFIED.name(), key -> key, classifiedAt);
            Thread alertTail = tail(Topics.ALERTS.name(), key -> key.startsWith("serious-incident:") ? key.substring("serious-incident:".length()) : null,
                    onAlertsTopic);
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
                            .POST(HttpRequest.BodyPublishers.ofString(report(sourceId, DEPARTMENTS.get(i % DEPARTMENTS.size()), serious, i, days))).build();
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
                System.out.printf(Locale.ROOT, "%nAlert latency: %d s at %d reports/s (one in %d serious, events over %d days); %d accepted, %d refused or failed%n",
                        seconds, rate, SERIOUS_EVERY, days, accept.size(), refused.get());
                System.out.println("| path | n | p50 | p95 | p99 | max |");
                System.out.println("|---|---|---|---|---|---|");
                row("report sent → 202 accepted (every report)", new ArrayList<>(accept));
                row("202 accepted → classified, on its topic", between(acceptedAt, classifiedAt));
                row("202 accepted → alert on uth.alerts.v1", between(acceptedAt, onAlertsTopic));
                row("alert on uth.alerts.v1 → alert on the SSE stream", between(onAlertsTopic, onStream));
                row("202 accepted → alert on the SSE stream", between(acceptedAt, onStream));
                row("report sent → alert on the SSE stream", between(sentAt, onStream));
                row("202 accepted → webhook received", between(acceptedAt, atWebhook));
                System.out.printf(Locale.ROOT, "serious reports accepted %d; their alerts on the stream %d, at the webhook %d; records read %s%n",
                        acceptedAt.size(), onStream.size(), atWebhook.size(), TAILED);
            }
        }
        System.exit(0); // the embedded broker's threads would keep the JVM alive; its shutdown hook stops it
    }

    private static void warmUp(HttpClient http, String intake, String reporter) throws Exception {
        for (int i = 0; i < 200; i++) {
            http.send(HttpRequest.newBuilder(URI.create(intake)).header("Authorization", reporter).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(report("warm-up-" + i + "-" + System.nanoTime(), DEPARTMENTS.get(i % DEPARTMENTS.size()),
                            i % SERIOUS_EVERY == 0, i, DAYS))).build(), HttpResponse.BodyHandlers.discarding());
        }
        Thread.sleep(5_000);
    }

    /** When each serious report's RAISED step arrived on the stream (the client's clock is the JVM's nanoTime). */
    private static Map<String, Long> arrivals(SseClient stream, Map<String, Long> expected, long deadline) throws Exception {
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        int parsed = 0;
        while (System.nanoTime() < deadline) {
            List<SseClient.Event> seen = stream.seen();
            for (SseClient.Event event : seen.subList(parsed, seen.size())) {
                JsonNode payload = JSON.readTree(event.data());
                if ("RAISED".equals(payload.path("step").path("action").asText()) && "SERIOUS_INCIDENT".equals(payload.path("alert").path("kind").asText())) {
                    arrived.putIfAbsent(payload.path("alert").path("reportId").asText(), event.nanos());
                }
            }
            parsed = seen.size();
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

    /** Notes when each key first arrives on the topic (read committed, from its end), as {@code id} maps it; a daemon thread. */
    private static Thread tail(String topic, java.util.function.Function<String, String> id, Map<String, Long> arrivals) {
        Map<String, Object> config = TestKafka.admin().clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Thread thread = new Thread(() -> {
            while (true) {
                for (var record : consumer.poll(java.time.Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    TAILED.computeIfAbsent(topic, t -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
                    String key = record.key() == null ? null : id.apply(record.key());
                    if (key != null) {
                        arrivals.putIfAbsent(key, now);
                    }
                }
            }
        }, "tail-" + topic);
        thread.setDaemon(true);
        thread.start();
        return thread;
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

    private static String report(String sourceId, String unit, boolean serious, int i, int days) throws Exception {
        String[] kind = BackfillBenchmark.KINDS[(i / 7) % BackfillBenchmark.KINDS.length];
        return JSON.writeValueAsString(Map.of(
                "source", "latency-bench", "sourceId", sourceId, "headline", kind[0], "description", kind[1],
                "eventDate", LocalDate.now().minusDays(1 + (i * 31L) % days).toString(), "eventTime", "08:30",
                "incidentLocation", unit,
                "actualConsequence", serious ? "SERIOUS" : "NONE", "possibleConsequence", serious ? "FATAL" : "MINOR",
                "reporterType", "HEALTH_PROFESSIONAL"));
    }
}
