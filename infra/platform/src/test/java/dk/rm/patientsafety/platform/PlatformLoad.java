package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.testkit.TestKafka;
import dk.rm.patientsafety.oauth.AccessTokens;
import dk.rm.patientsafety.topics.KafkaLogin;
import dk.rm.patientsafety.topics.KafkaPrincipal;
import dk.rm.patientsafety.topics.KafkaPrincipals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rm.patientsafety.alerting.SeriousIncidentRule;
import dk.rm.patientsafety.events.IncidentSubmission;
import dk.rm.patientsafety.intake.IntakePipeline;
import dk.rm.patientsafety.serde.CachingSchemaRegistryClient;
import dk.rm.patientsafety.serde.RestSchemaRegistryClient;
import dk.rm.patientsafety.topics.Topic;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Steady load on every intake path (single HTTP, NDJSON batch, Kafka) that keeps a ledger of what the platform promised
 * (a 202, a batch item accepted, a Kafka ack), and the check that each promise was kept exactly once: every accepted
 * report once on the reported and classified topics, every serious one with exactly one alert on the topic and in the
 * API, no alert for a minor one, and no key twice anywhere.
 */
final class PlatformLoad {

    /**
     * Where the platform answers, read on every call so a test may restart parts of it; {@code tokens} signs a demo
     * account in (the load submits as {@code reporter} and reads alerts as {@code regional-team}). Kafka submissions are
     * sent as the {@code source-system} account; the ledger reads topics and describes transactions as
     * {@code transaction-guard}, the one account besides the administrator that may read every topic.
     */
    record Endpoints(String intake, String alerting, KafkaLogin source, KafkaLogin operator, String registry, Function<String, String> tokens) {

        /** For a platform whose account passwords are kept in {@code accountsDir} (the embedded default's data). */
        static Endpoints kept(String intake, String alerting, String bootstrap, Path accountsDir, String registry,
                              Function<String, String> tokens) throws java.io.IOException {
            return new Endpoints(intake, alerting, account(bootstrap, accountsDir, KafkaPrincipals.SOURCE_SYSTEM),
                    account(bootstrap, accountsDir, KafkaPrincipals.TRANSACTION_GUARD), registry, tokens);
        }

        private static KafkaLogin account(String bootstrap, Path accountsDir, KafkaPrincipal principal) throws java.io.IOException {
            return KafkaLogin.scram(bootstrap, principal.name(), java.nio.file.Files.readString(accountsDir.resolve(principal.name())).strip());
        }
    }

    /** What the platform promised for one report: on which path, when, and whether it must raise an alert. */
    private record Promise(boolean serious, String path, Instant at) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Endpoints endpoints;
    private final String source = "load-" + Long.toString(System.nanoTime(), 36);
    private final Random random = new Random();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Promise> accepted = new ConcurrentHashMap<>(); // by report id
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private final String reporter;
    private final String reader;

    PlatformLoad(Endpoints endpoints) {
        this.endpoints = endpoints;
        // Signed in once, before the load starts: a token outlives every restart a test makes, and the identity
        // provider may be down in the middle of one.
        this.reporter = "Bearer " + endpoints.tokens().apply("reporter");
        this.reader = "Bearer " + endpoints.tokens().apply("regional-team");
    }

    PlatformLoad start() {
        threads.add(thread("load-single", this::singleLoad));
        threads.add(thread("load-batch", this::batchLoad));
        threads.add(thread("load-kafka", this::kafkaLoad));
        return this;
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }

    int accepted() {
        return accepted.size();
    }

    /** A serious report over HTTP, retried until answered 202 or the time is up; its id, or null. */
    String probe(Duration within) {
        Instant deadline = Instant.now().plus(within);
        String id = null;
        while (id == null && Instant.now().isBefore(deadline)) {
            id = submitSingle(true);
        }
        return id;
    }

    /** How long until the report's alert is in the API, waiting at most {@code within}. */
    Duration awaitAlert(String reportId, Instant since, Duration within) throws InterruptedException {
        String alertId = SeriousIncidentRule.alertId(reportId);
        while (Duration.between(since, Instant.now()).compareTo(within) < 0 && !alertIds().contains(alertId)) {
            Thread.sleep(250);
        }
        return Duration.between(since, Instant.now());
    }

    /**
     * What broke the promises, empty when every one was kept; waits up to three minutes for the pipeline to drain. A
     * report that never arrived is described with its path, the time it was promised and how far it got, so that a
     * failure found once can be understood without running it again.
     */
    List<String> brokenPromises() throws Exception {
        Set<String> serious = accepted.entrySet().stream().filter(e -> e.getValue().serious()).map(Map.Entry::getKey).collect(Collectors.toSet());
        Instant deadline = Instant.now().plusSeconds(180);
        Set<String> listed = alertIds();
        Map<String, Integer> classified = countKeys(Topics.INCIDENTS_CLASSIFIED);
        while (Instant.now().isBefore(deadline) && !(serious.stream().map(SeriousIncidentRule::alertId).allMatch(listed::contains)
                && classified.keySet().containsAll(accepted.keySet()))) {
            Thread.sleep(1_000);
            listed = alertIds();
            classified = countKeys(Topics.INCIDENTS_CLASSIFIED);
        }
        Map<String, Integer> reported = countKeys(Topics.INCIDENTS_REPORTED);
        Map<String, Integer> alerts = countKeys(Topics.ALERTS);
        List<String> problems = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, Promise> report : accepted.entrySet()) {
            String id = report.getKey();
            once(problems, id + " on the reported topic", reported.getOrDefault(id, 0));
            once(problems, id + " on the classified topic", classified.getOrDefault(id, 0));
            if (!reported.containsKey(id) || !classified.containsKey(id)) {
                lost.add(id);
            }
            String alertId = SeriousIncidentRule.alertId(id);
            if (report.getValue().serious()) {
                once(problems, alertId + " on the alert topic", alerts.getOrDefault(alertId, 0));
                if (!listed.contains(alertId)) {
                    problems.add(alertId + " not in the alerts API");
                }
            } else if (alerts.containsKey(alertId)) {
                problems.add(alertId + " raised for a minor report");
            }
        }
        duplicates(problems, "reported", reported);
        duplicates(problems, "classified", classified);
        // A serious incident's alert is published once; a cluster's grows in updates of its one key.
        Map<String, Integer> seriousAlerts = new HashMap<>(alerts);
        seriousAlerts.keySet().removeIf(key -> !key.startsWith(SeriousIncidentRule.alertId("")));
        duplicates(problems, "alerts", seriousAlerts);
        Map<String, Integer> api = new HashMap<>();
        allAlerts().forEach(a -> api.merge(a.path("alertId").asText(), 1, Integer::sum));
        duplicates(problems, "the alerts API", api);
        System.out.printf("accepted %d reports (%d serious); the topics hold reported %d, classified %d, alerts %d keys%n",
                accepted.size(), serious.size(), reported.size(), classified.size(), alerts.size());
        if (!lost.isEmpty()) {
            Map<String, Integer> intakeAccepted = countKeys(Topics.INTAKE_ACCEPTED);
            Map<String, Integer> classifiedAtLast = classified;
            lost.stream().limit(10).forEach(id -> {
                Promise promise = accepted.get(id);
                problems.add(0, "%s promised on the %s path at %s (serious %s): on the intake-accepted topic %d times, reported %d, classified %d"
                        .formatted(id, promise.path(), promise.at(), promise.serious(), intakeAccepted.getOrDefault(id, 0),
                                reported.getOrDefault(id, 0), classifiedAtLast.getOrDefault(id, 0)));
            });
            problems.add(0, "open transactions: " + openTransactions());
        }
        return problems;
    }

    /** Every transaction a partition of the intake and classifier topics holds open, as the broker describes it. */
    private String openTransactions() {
        try (Admin admin = Admin.create(endpoints.operator().clientConfig())) {
            List<String> names = List.of(Topics.INTAKE_ACCEPTED.name(), Topics.INCIDENTS_REPORTED.name(), Topics.INCIDENTS_CLASSIFIED.name());
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(names).allTopicNames().get().values().forEach(topic -> topic.partitions()
                    .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition()))));
            List<String> open = new ArrayList<>();
            admin.describeProducers(partitions).all().get().forEach((partition, state) -> state.activeProducers().stream()
                    .filter(p -> p.currentTransactionStartOffset().isPresent())
                    .forEach(p -> open.add(partition + " producer " + p.producerId() + " epoch " + p.producerEpoch()
                            + " since offset " + p.currentTransactionStartOffset().getAsLong())));
            return open.isEmpty() ? "none" : String.join(", ", open);
        } catch (Exception e) {
            return "not known (" + e + ")";
        }
    }

    private static void once(List<String> problems, String what, int count) {
        if (count != 1) {
            problems.add(what + " " + count + " times");
        }
    }

    private static void duplicates(List<String> problems, String where, Map<String, Integer> counts) {
        counts.forEach((key, count) -> {
            if (count > 1) {
                problems.add(key + " " + count + " times in " + where);
            }
        });
    }

    /** Records per key, as a read-committed downstream consumer sees the topic from its start. */
    private Map<String, Integer> countKeys(Topic<String, ?> topic) {
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(TestKafka.config(endpoints.operator(),
                "isolation.level", "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && record.key() != null) {
                        counts.merge(record.key(), 1, Integer::sum);
                    }
                }
            }
        }
        // Only this load's reports and alerts: the broker may be shared with other tests.
        Set<String> ours = new HashSet<>(accepted.keySet());
        accepted.keySet().forEach(id -> ours.add(SeriousIncidentRule.alertId(id)));
        counts.keySet().retainAll(ours);
        return counts;
    }

    private void singleLoad() {
        while (running.get()) {
            submitSingle(random.nextInt(3) == 0);
            pause(40);
        }
    }

    private String submitSingle(boolean serious) {
        String sourceId = "single-" + sequence.incrementAndGet();
        try {
            HttpResponse<String> response = post("/api/v1/incidents", "application/json", report(sourceId, serious).toString());
            if (response.statusCode() == 202) {
                String id = JSON.readTree(response.body()).get("reportId").asText();
                accepted.put(id, new Promise(serious, "single", Instant.now()));
                return id;
            }
        } catch (Exception e) {
            pause(200); // down or starting
        }
        return null;
    }

    private void batchLoad() {
        while (running.get()) {
            Map<String, Boolean> batch = new HashMap<>();
            StringBuilder ndjson = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                String sourceId = "batch-" + sequence.incrementAndGet();
                boolean serious = random.nextInt(3) == 0;
                batch.put(IntakePipeline.reportId(source, sourceId), serious);
                ndjson.append(report(sourceId, serious)).append('\n');
            }
            try {
                HttpResponse<String> response = post("/api/v1/incidents/batch", "application/x-ndjson", ndjson.toString());
                if (response.statusCode() == 200) {
                    JSON.readTree(response.body()).get("results").forEach(result -> {
                        String id = result.path("reportId").asText(null);
                        if (id != null) {
                            accepted.put(id, new Promise(batch.get(id), "batch", Instant.now()));
                        }
                    });
                }
            } catch (Exception e) {
                pause(200);
            }
            pause(400);
        }
    }

    private void kafkaLoad() {
        var registry = new CachingSchemaRegistryClient(new RestSchemaRegistryClient(endpoints.registry(), readerTokens()));
        try (KafkaProducer<String, IncidentSubmission> producer = new KafkaProducer<>(TestKafka.config(endpoints.source(),
                "enable.idempotence", true, "acks", "all", "delivery.timeout.ms", 300_000, "request.timeout.ms", 10_000,
                "max.block.ms", 300_000), new StringSerializer(), Topics.INCIDENTS_SUBMITTED.valueSerde(registry).serializer())) {
            while (running.get()) {
                String sourceId = "kafka-" + sequence.incrementAndGet();
                boolean serious = random.nextInt(3) == 0;
                String id = IntakePipeline.reportId(source, sourceId);
                producer.send(new ProducerRecord<>(Topics.INCIDENTS_SUBMITTED.name(), sourceId, submission(sourceId, serious)),
                        (metadata, error) -> {
                            if (error == null) {
                                accepted.put(id, new Promise(serious, "kafka", Instant.now()));
                            }
                        });
                pause(50);
            }
            producer.flush();
        }
    }

    private ObjectNode report(String sourceId, boolean serious) {
        String consequence = serious ? "SERIOUS" : "MINOR";
        return JSON.createObjectNode()
                .put("source", source).put("sourceId", sourceId)
                .put("headline", "Forkert dosis").put("description", "Patienten fik dobbelt dosis.")
                .put("eventDate", "2026-11-20").put("incidentLocation", "1309011000000")
                .put("actualConsequence", consequence).put("possibleConsequence", consequence)
                .put("reporterType", "HEALTH_PROFESSIONAL");
    }

    private IncidentSubmission submission(String sourceId, boolean serious) {
        String consequence = serious ? "SERIOUS" : "MINOR";
        return IncidentSubmission.newBuilder()
                .setSource(source).setSourceId(sourceId)
                .setHeadline("Forkert dosis").setDescription("Patienten fik dobbelt dosis.")
                .setEventDate("2026-11-19").setIncidentLocation("1309021000000")
                .setActualConsequence(consequence).setPossibleConsequence(consequence)
                .setReporterType("HEALTH_PROFESSIONAL").build();
    }

    private Set<String> alertIds() {
        try {
            Set<String> ids = new HashSet<>();
            allAlerts().forEach(alert -> ids.add(alert.path("alertId").asText()));
            return ids;
        } catch (Exception e) {
            return Set.of();
        }
    }

    /** Every alert the API lists, page after page as its Link headers lead. */
    private List<JsonNode> allAlerts() throws Exception {
        List<JsonNode> alerts = new ArrayList<>();
        String next = "/api/v1/alerts?limit=500";
        while (next != null) {
            HttpResponse<String> page = get(endpoints.alerting() + next);
            JSON.readTree(page.body()).forEach(alerts::add);
            next = page.headers().firstValue("Link").map(link -> link.substring(1, link.indexOf('>'))).orElse(null);
        }
        return alerts;
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(endpoints.intake() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).header("Authorization", reporter).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", reader).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Thread thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The registry wants a signed-in reader; the load's reporter is one (its token is fetched again when refused). */
    private AccessTokens readerTokens() {
        return new AccessTokens() {
            @Override
            public String current() {
                return endpoints.tokens().apply("reporter");
            }

            @Override
            public void refused() {
                // the next current() signs in again
            }
        };
    }
}
