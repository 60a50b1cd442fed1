package dk.rm.patientsafety.classifier.bench;

import dk.rm.patientsafety.topics.KafkaLogin;
import dk.rm.patientsafety.topics.KafkaPrincipals;
import dk.rm.patientsafety.classifier.ClassifierTopology;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.serde.CompatibilityLevel;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.StreamsService;
import dk.rm.patientsafety.testkit.TestKafka;
import dk.rm.patientsafety.testkit.TestSchemaRegistry;
import dk.rm.patientsafety.topics.TopicProvisioner;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Classified incidents per second end to end: reports produced to {@code uth.incidents.reported.v1}, classified by the
 * production topology and configuration ({@code exactly_once_v2}, one stream thread) on the embedded KRaft broker
 * with our schema registry over HTTP, and read back from {@code uth.incidents.classified.v1} by a
 * {@code read_committed} consumer, as a downstream service sees them.
 *
 * <pre>./mvnw -q -pl services/classifier -Pload test-compile exec:exec [-Dload.args="N"]</pre>
 * Runs a warm-up burst (not the figure), a burst of N reports (default 20,000: the throughput figure) and a paced run
 * (the latency figure), and prints one table row each. Broker, registry, producer, consumer and stream share the JVM
 * and its cores, so the figure is a floor for a deployed classifier, not a ceiling.
 */
public final class ClassifierLoadHarness {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
    private static final int WARM_UP = 3_000;
    private static final int PACED = 1_000;
    private static final int PACED_PER_SECOND = 200;

    private record Row(String run, int reports, double wallSeconds, double perSecond, long p50Millis, long p99Millis,
                       long peakHeapMib, int duplicates) {
    }

    private final List<IncidentReported> corpus;
    private final KafkaProducer<String, IncidentReported> producer;
    private final KafkaConsumer<String, IncidentClassified> consumer;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private int sent;

    /** The harness plays intake and a downstream reader at once, so it signs in as the cluster's operator. */
    private ClassifierLoadHarness(List<IncidentReported> corpus, KafkaSettings kafka, SchemaRegistryClient registry) {
        this.corpus = corpus;
        Map<String, Object> producerConfig = ClientConfigs.producer(kafka, "classifier-load-harness");
        producerConfig.putAll(TestKafka.adminConfig());
        Map<String, Object> consumerConfig = ClientConfigs.consumer(kafka, "classifier-load-harness");
        consumerConfig.putAll(TestKafka.adminConfig());
        this.producer = new KafkaProducer<>(producerConfig,
                Topics.INCIDENTS_REPORTED.keySerde().serializer(), Topics.INCIDENTS_REPORTED.valueSerde(registry).serializer());
        this.consumer = new KafkaConsumer<>(consumerConfig,
                Topics.INCIDENTS_CLASSIFIED.keySerde().deserializer(), Topics.INCIDENTS_CLASSIFIED.valueSerde(registry).deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.INCIDENTS_CLASSIFIED.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    public static void main(String[] args) throws Exception {
        int reports = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 20_000;
        long started = System.nanoTime();
        KafkaLogin classifier = TestKafka.login(KafkaPrincipals.CLASSIFIER);
        SchemaRegistryClient registry = TestSchemaRegistry.client();
        try (Admin admin = Admin.create(TestKafka.adminConfig())) {
            new TopicProvisioner(admin, registry, (short) 1, CompatibilityLevel.BACKWARD_TRANSITIVE).provision(Topics.ALL);
        }
        KafkaSettings kafka = new KafkaSettings();
        kafka.setBootstrapServers(classifier.bootstrapServers());
        kafka.setUsername(classifier.username());
        kafka.setPassword(classifier.password());
        // Under target/, not the OS temp directory Streams warns about; a fresh directory, so no state is restored.
        kafka.setStateDir(Files.createTempDirectory(Files.createDirectories(Path.of("target")), "load-harness-state").toString());
        Path corpusFile = CorpusReports.corpus();
        List<IncidentReported> corpus = CorpusReports.read(corpusFile);

        Map<String, Object> streamsConfig = ClientConfigs.streams(kafka, registry, ClassifierTopology.APPLICATION_ID);
        List<Row> rows = new ArrayList<>();
        try (StreamsService stream = new StreamsService(
                ClassifierTopology.build(registry, CorpusReports.classifier(Clock.systemUTC()), Clock.systemUTC()), streamsConfig)) {
            awaitRunning(stream);
            double startSeconds = (System.nanoTime() - started) / 1e9;
            ClassifierLoadHarness harness = new ClassifierLoadHarness(corpus, kafka, registry);
            try {
                rows.add(harness.run("warm-up (cold JVM, not the figure)", WARM_UP, 0));
                rows.add(harness.run("burst (throughput figure)", reports, 0));
                rows.add(harness.run("paced, " + PACED_PER_SECOND + "/s offered (latency figure)", PACED, PACED_PER_SECOND));
            } finally {
                harness.producer.close();
                harness.consumer.close();
            }
            print(rows, corpus.size(), corpusFile, startSeconds, streamsConfig);
        }
        // The shared broker and registry stop in their shutdown hooks.
        System.exit(0);
    }

    /**
     * Produces {@code count} reports, as fast as the producer takes them or at {@code perSecond}, and reads until each
     * one's classification has been consumed. Latency: produce call → consumed, committed classification.
     */
    private Row run(String name, int count, int perSecond) {
        Map<String, Long> pending = new ConcurrentHashMap<>(count * 2);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long[] latencies = new long[count];
        int received = 0;
        int duplicates = 0;
        long peakHeap = memory.getHeapMemoryUsage().getUsed();
        List<IncidentReported> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(CorpusReports.copy(corpus.get((sent + i) % corpus.size()), "load-" + (sent + i)));
        }
        sent += count;

        long first = System.nanoTime();
        Thread producing = new Thread(() -> {
            for (int i = 0; i < batch.size(); i++) {
                if (perSecond > 0) {
                    long due = first + TimeUnit.SECONDS.toNanos(i) / perSecond;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        sleepNanos(wait);
                    }
                }
                IncidentReported report = batch.get(i);
                pending.put(report.getReportId(), System.nanoTime());
                producer.send(new ProducerRecord<>(Topics.INCIDENTS_REPORTED.name(), report.getReportId(), report), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }, "load-producer");
        producing.start();

        long deadline = first + RUN_TIMEOUT.toNanos();
        Set<String> seen = new HashSet<>(count * 2);
        while (received < count) {
            if (failure.get() != null) {
                throw new IllegalStateException(name + ": could not produce a report", failure.get());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": only " + received + " of " + count + " classified within " + RUN_TIMEOUT);
            }
            for (ConsumerRecord<String, IncidentClassified> record : consumer.poll(Duration.ofMillis(50))) {
                long now = System.nanoTime();
                Long producedAt = pending.get(record.key());
                if (producedAt == null) {
                    continue;
                }
                if (!seen.add(record.key())) {
                    duplicates++;
                    continue;
                }
                latencies[received++] = now - producedAt;
            }
            peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
        }
        long last = System.nanoTime();
        joinQuietly(producing);
        // Exactly-once: a late duplicate would show up in the next poll; look once more before judging.
        for (ConsumerRecord<String, IncidentClassified> record : consumer.poll(Duration.ofMillis(500))) {
            if (pending.containsKey(record.key())) {
                duplicates++;
            }
        }
        Arrays.sort(latencies);
        double wall = (last - first) / 1e9;
        return new Row(name, count, wall, count / wall, percentile(latencies, 50), percentile(latencies, 99),
                peakHeap / (1024 * 1024), duplicates);
    }

    private static void awaitRunning(StreamsService stream) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (stream.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || stream.state() == KafkaStreams.State.ERROR) {
                throw new IllegalStateException("Classifier stream not running: " + stream.state());
            }
            Thread.sleep(50);
        }
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return TimeUnit.NANOSECONDS.toMillis(sorted[Math.max(0, Math.min(sorted.length - 1, index))]);
    }

    private static void print(List<Row> rows, int corpusSize, Path corpusFile, double startSeconds, Map<String, Object> config) {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%nClassifier load harness: %s, %d stream thread(s), %s partitions of %s; %d corpus reports cycled (%s)%n",
                config.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG), ((Number) config.getOrDefault(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1)).intValue(),
                partitions(), Topics.INCIDENTS_REPORTED.name(), corpusSize, corpusFile.getFileName());
        System.out.printf(Locale.ROOT, "JVM: %s %s, %d cores, max heap %d MiB; broker, registry and stream started in %.1f s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), runtime.availableProcessors(),
                runtime.maxMemory() / (1024 * 1024), startSeconds);
        System.out.println();
        System.out.printf(Locale.ROOT, "| %-38s | %7s | %6s | %15s | %7s | %7s | %9s | %10s |%n",
                "run", "reports", "wall s", "classified/s e2e", "p50 ms", "p99 ms", "peak heap", "duplicates");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(40), "-".repeat(9), "-".repeat(8), "-".repeat(18),
                "-".repeat(9), "-".repeat(9), "-".repeat(11), "-".repeat(12));
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "| %-38s | %,7d | %6.2f | %,16.0f | %,7d | %,7d | %5d MiB | %10d |%n",
                    row.run(), row.reports(), row.wallSeconds(), row.perSecond(), row.p50Millis(), row.p99Millis(),
                    row.peakHeapMib(), row.duplicates());
        }
        System.out.println();
        System.out.println("wall s: first produce to last classified record consumed (read_committed); latency: produce call to consumed;");
        System.out.println("in a burst it is mostly queueing behind earlier reports, the paced run shows the per-report latency.");
        System.out.println("peak heap: the most heap in use at any sample, broker and registry included (same JVM).");
        System.out.println("Warnings of the broker, registry and stream: target/classifier-load-harness.log.");
    }

    private static String partitions() {
        return String.valueOf(Topics.INCIDENTS_REPORTED.partitions());
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
