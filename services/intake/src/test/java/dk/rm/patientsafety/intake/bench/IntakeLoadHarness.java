package dk.rm.patientsafety.intake.bench;

import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.identity.DemoAccount;
import dk.rm.patientsafety.topics.KafkaLogin;
import dk.rm.patientsafety.topics.KafkaPrincipals;
import dk.rm.patientsafety.intake.IntakeApplication;
import dk.rm.patientsafety.testkit.TestKafka;
import dk.rm.patientsafety.testkit.TestIdentityProvider;
import dk.rm.patientsafety.testkit.TestSchemaRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Single reports per second through {@code POST /api/v1/incidents}: the real intake service (validation, privacy gate,
 * transactional publishing with group commit) on the embedded KRaft broker and our registry, driven over HTTP from the
 * same JVM. Every answer counted is a 202, which intake gives only after Kafka committed the report.
 *
 * <pre>./mvnw -q -pl services/intake -Pload test-compile exec:exec [-Dload.args="N RATE"]</pre>
 * A warm-up (not a figure), a closed-loop burst of N reports with 64 in flight (the throughput figure), and an open-loop
 * run at RATE reports per second for 10 s (the latency figure: measured from each report's planned send time, so a
 * stall counts against the service, not the client). Client and service share the machine's cores.
 */
public final class IntakeLoadHarness {

    private static final int IN_FLIGHT = 64;

    private record Row(String run, int sent, int accepted, double seconds, double perSecond, double p50, double p99, double max) {
    }

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
    private final URI uri;
    private final AtomicInteger sequence = new AtomicInteger();
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    /** A reporter's token, as every real submission carries: validating it is part of what is measured. */
    private final String bearer = TestIdentityProvider.bearer("reporter");

    private IntakeLoadHarness(URI uri) {
        this.uri = uri;
    }

    public static void main(String[] args) throws Exception {
        int burst = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        String key = Base64.getEncoder().encodeToString("a load-harness key of at least 32 bytes".getBytes());
        KafkaLogin intake = TestKafka.login(KafkaPrincipals.INTAKE);
        KafkaLogin guard = TestKafka.login(KafkaPrincipals.TRANSACTION_GUARD);
        Map<String, Object> properties = new java.util.HashMap<>(KafkaSettings.properties(intake));
        properties.putAll(Map.ofEntries(
                Map.entry("kafka.transaction-guard.username", guard.username()),
                Map.entry("kafka.transaction-guard.password", guard.password()),
                Map.entry("kafka.state-dir", Files.createTempDirectory("intake-load").toString()),
                Map.entry("schema-registry.url", TestSchemaRegistry.url()),
                Map.entry("schema-registry.client-id", DemoAccount.PLATFORM_SERVICES),
                Map.entry("schema-registry.client-secret", TestIdentityProvider.shared().secret(DemoAccount.PLATFORM_SERVICES)),
                Map.entry("schema-registry.token-endpoint", TestIdentityProvider.shared().tokenEndpoint()),
                Map.entry("intake.pseudonym.current-key", "bench"),
                Map.entry("intake.pseudonym.keys.bench", key),
                Map.entry("platform.security.issuer", TestIdentityProvider.issuer()),
                Map.entry("micronaut.server.port", -1)));
        try (ApplicationContext context = ApplicationContext.builder()
                .environments(IntakeApplication.ENVIRONMENT)
                .deduceEnvironment(false)
                .properties(properties)
                .start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            IntakeLoadHarness harness = new IntakeLoadHarness(URI.create(server.getURL() + "/api/v1/incidents"));
            harness.closedLoop("warm-up", 3_000);
            List<Row> rows = List.of(harness.closedLoop("burst, " + IN_FLIGHT + " in flight", burst),
                    harness.openLoop("paced " + rate + "/s", rate, Duration.ofSeconds(10)));
            print(rows);
            server.stop();
        }
        System.exit(0);
    }

    private Row closedLoop(String name, int reports) throws Exception {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger accepted = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        long begin = System.nanoTime();
        for (int i = 0; i < reports; i++) {
            slots.acquire();
            long start = System.nanoTime();
            all.add(send().whenComplete((status, error) -> {
                latencies.add(System.nanoTime() - start);
                if (error == null && status == 202) {
                    accepted.incrementAndGet();
                }
                slots.release();
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return row(name, reports, accepted.get(), System.nanoTime() - begin, latencies);
    }

    private Row openLoop(String name, int perSecond, Duration length) throws Exception {
        int reports = (int) (perSecond * length.toSeconds());
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger accepted = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long begin = System.nanoTime();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        for (int i = 0; i < reports; i++) {
            long planned = begin + i * intervalNanos;
            CompletableFuture<Void> done = new CompletableFuture<>();
            all.add(done);
            pacer.schedule(() -> send().whenComplete((status, error) -> {
                latencies.add(System.nanoTime() - planned);
                if (error == null && status == 202) {
                    accepted.incrementAndGet();
                }
                done.complete(null);
            }), planned - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        pacer.shutdown();
        return row(name, reports, accepted.get(), System.nanoTime() - begin, latencies);
    }

    private CompletableFuture<Integer> send() {
        int n = sequence.incrementAndGet();
        String body = """
                {"source": "load-harness", "sourceId": "%s-%d", "headline": "Forkert dosis heparin",
                 "description": "Patienten fik 10 gange ordineret dosis. Opdaget ved vagtskifte.",
                 "eventDate": "2026-11-20", "eventTime": "22:40", "incidentLocation": "1309011000000",
                 "actualConsequence": "%s", "possibleConsequence": "SERIOUS", "reporterType": "HEALTH_PROFESSIONAL"}
                """.formatted(run, n, n % 10 == 0 ? "SERIOUS" : "MINOR");
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json").header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    private static Row row(String name, int sent, int accepted, long nanos, ConcurrentLinkedQueue<Long> latencies) {
        List<Long> sorted = latencies.stream().sorted().toList();
        double seconds = nanos / 1e9;
        return new Row(name, sent, accepted, seconds, accepted / seconds, millis(sorted, 0.50), millis(sorted, 0.99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double millis(List<Long> sorted, double quantile) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }

    private static void print(List<Row> rows) {
        System.out.printf(Locale.ROOT, "%n%-24s %8s %9s %8s %11s %8s %8s %8s%n", "run", "sent", "accepted", "seconds", "reports/s",
                "p50 ms", "p99 ms", "max ms");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-24s %8d %9d %8.1f %11.0f %8.1f %8.1f %8.1f%n", r.run(), r.sent(), r.accepted(),
                    r.seconds(), r.perSecond(), r.p50(), r.p99(), r.max());
        }
    }
}
