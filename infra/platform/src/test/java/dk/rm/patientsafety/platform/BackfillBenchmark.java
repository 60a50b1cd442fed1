package dk.rm.patientsafety.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.rm.patientsafety.bulkimport.ImportSummary;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.service.organisation.OrganisationUnit;
import dk.rm.patientsafety.testkit.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A backfill of N generated reports (default 1,000,000: ten years, 30 departments (the register's and more under its
 * hospitals), a realistic mix of types, severities, medicines, devices and patient CPR numbers) through the bulk
 * importer into the platform on the embedded broker, beside raw Kafka produce and consume of as many records of the
 * same size on the same broker in the same run.
 * Prints reports/s into intake, the time until every consumer group (classifier, statistics, alerting) has caught up,
 * start-up time, resident memory idle and at peak, peak heap, and the extrapolation to the national ten-year volume.
 *
 * <pre>./mvnw -q -pl infra/platform -Pload test-compile exec:exec [-Dload.args=N]</pre>
 * Everything shares one JVM and the machine's cores: broker, registry, identity provider, services, importer.
 */
public final class BackfillBenchmark {

    private static final long NATIONAL = 3_700_000;
    private static final int YEARS = 10;
    static final String[][] KINDS = {
            {"Forkert dosis", "Patienten fik dobbelt dosis af sin faste medicin ved en fejl i doseringen.", "Medicinering"},
            {"Fald på gangen", "Patienten faldt ved toiletbesøg om natten og slog hovedet.", "Patientuheld"},
            {"Infusionspumpe stoppede", "Pumpen alarmerede ikke og infusionen stoppede i to timer.", "Medicinsk udstyr"},
            {"Forsinket diagnose", "Prøvesvar blev ikke set, og behandlingen blev forsinket en uge.", "Diagnostik"},
            {"Forveksling af patient", "Blodprøve taget på forkert patient pga. manglende identifikation.", "Identifikation"},
            {"Mangelfuld overlevering", "Vigtig information om allergi blev ikke givet videre ved vagtskifte.", "Kommunikation"},
    };
    private static final String[] CONSEQUENCES = {"NONE", "MINOR", "MINOR", "MINOR", "NONE", "SERIOUS"};

    /** As many departments as the benchmark names: about a region's hospital departments. */
    private static final int DEPARTMENTS = 30;

    private BackfillBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reports = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("backfill-bench");
        List<String> departments = registerWithDepartments(dir.resolve("register.json"), DEPARTMENTS);
        Path file = dir.resolve("backfill.csv");
        long fileBytes = generate(file, reports, departments);

        long brokerStart = System.nanoTime();
        TestKafka.accounts();
        double brokerSeconds = seconds(brokerStart);
        double[] raw = rawKafka(reports, (int) (fileBytes / reports));

        long platformStart = System.nanoTime();
        try (PlatformServices services = TestPlatform.start(dir)) {
            double startSeconds = seconds(platformStart);
            System.gc();
            long idleRss = rss("VmRSS");

            long importStart = System.nanoTime();
            ImportSummary summary = TestPlatform.bulkImporter(services, new PrintStream(OutputStream.nullOutputStream()))
                    .source("backfill-bench").build().importReports(file);
            double importSeconds = seconds(importStart);
            double caughtUpSeconds = seconds(importStart, awaitIdle());

            System.out.printf(Locale.ROOT, "%nBackfill benchmark: %,d reports over %d years, %d departments (%,d MiB CSV); accepted %,d, rejected %,d%n",
                    reports, YEARS, departments.size(), fileBytes >> 20, summary.accepted(), summary.read() - summary.accepted());
            System.out.println("| measure | value | 3.7 M reports at this rate |");
            System.out.println("|---|---|---|");
            row("raw Kafka: produce (idempotent, acks=all), records/s", raw[0]);
            row("raw Kafka: consume, records/s", raw[1]);
            row("raw Kafka: produce + consume, records/s", raw[2]);
            row("bulk importer into intake (answered 202), reports/s", reports / importSeconds);
            System.out.printf(Locale.ROOT, "| import time | %.0f s | |%n", importSeconds);
            System.out.printf(Locale.ROOT, "| until every consumer group has caught up (from the import's start) | %.0f s | %.0f min |%n",
                    caughtUpSeconds, NATIONAL / (reports / caughtUpSeconds) / 60);
            System.out.printf(Locale.ROOT, "| end to end, reports/s (%.1f %% of raw produce + consume) | %,.0f | |%n",
                    100 * (reports / caughtUpSeconds) / raw[2], reports / caughtUpSeconds);
            System.out.printf(Locale.ROOT, "| start-up: embedded broker and accounts / platform services | %.1f s / %.1f s | |%n", brokerSeconds, startSeconds);
            System.out.printf(Locale.ROOT, "| resident memory of the JVM: idle after start-up / peak | %d MiB / %d MiB | |%n",
                    idleRss >> 10, rss("VmHWM") >> 10);
            System.out.printf(Locale.ROOT, "| peak heap (sum of the heap pools' peaks) | %d MiB | |%n", peakHeap() >> 20);
        }
        System.exit(0); // the embedded broker's threads would keep the JVM alive; its shutdown hook stops it
    }

    /**
     * The shipped register with departments added under its hospitals until it has {@code count}, written to {@code file}
     * and named by {@code organisation.register} for every service of this JVM; the departments, sorted.
     */
    private static List<String> registerWithDepartments(Path file, int count) throws IOException {
        List<OrganisationUnit> units = new ArrayList<>(OrganisationRegister.load(Optional.empty()).units());
        List<OrganisationUnit> hospitals = units.stream().filter(u -> u.kind() == OrganisationUnit.Kind.HOSPITAL).toList();
        long shipped = units.stream().filter(u -> u.kind() == OrganisationUnit.Kind.DEPARTMENT).count();
        for (int i = 0; shipped + i < count; i++) {
            OrganisationUnit hospital = hospitals.get(i % hospitals.size());
            units.add(new OrganisationUnit(String.format(Locale.ROOT, "13098%02d000000", i), hospital.name() + ", Afdeling " + (i + 1),
                    OrganisationUnit.Kind.DEPARTMENT, hospital.sector(), hospital.sorCode()));
        }
        new ObjectMapper().writeValue(file.toFile(), units);
        System.setProperty("organisation.register", file.toString());
        return units.stream().filter(u -> u.kind() == OrganisationUnit.Kind.DEPARTMENT).map(OrganisationUnit::sorCode).sorted().toList();
    }

    private static void row(String measure, double perSecond) {
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %.1f min |%n", measure, perSecond, NATIONAL / perSecond / 60);
    }

    /** The CSV a region's export would give: one report per row, dates spread over ten years, every column filled where it applies. */
    private static long generate(Path file, int reports, List<String> departments) throws Exception {
        Random random = new Random(42);
        LocalDate first = LocalDate.now().minusYears(YEARS);
        int days = YEARS * 365;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("source_id;headline;description;event_date;incident_location;actual_consequence;possible_consequence;main_group;"
                    + "reporter_type;patient_cpr;trade_name;substance;route;strength;atc_code;device_type;device_trade_name;device_model\n");
            for (int i = 0; i < reports; i++) {
                String[] kind = KINDS[random.nextInt(KINDS.length)];
                String actual = random.nextInt(100) < 3 ? "SERIOUS" : CONSEQUENCES[random.nextInt(CONSEQUENCES.length - 1)];
                String possible = random.nextInt(100) < 5 ? "FATAL" : actual;
                boolean medicine = kind[2].equals("Medicinering");
                boolean device = kind[2].equals("Medicinsk udstyr");
                String cpr = random.nextInt(4) == 0 ? "" : String.format(Locale.ROOT, "%02d%02d%02d-%04d", 1 + random.nextInt(28),
                        1 + random.nextInt(12), random.nextInt(100), random.nextInt(10_000));
                out.write(String.join(";", "BENCH-" + i, kind[0], kind[1], first.plusDays(random.nextInt(days)).toString(),
                        departments.get(random.nextInt(departments.size())), actual, possible, kind[2], "HEALTH_PROFESSIONAL", cpr,
                        medicine ? "Marevan" : "", medicine ? "warfarin" : "", medicine ? "oral" : "", medicine ? "2,5 mg" : "",
                        medicine ? "B01AA03" : "", device ? "Infusionspumpe" : "", device ? "Alaris" : "", device ? "GP" : ""));
                out.write('\n');
            }
        }
        return Files.size(file);
    }

    /** Produces {@code records} records of {@code size} bytes to a fresh topic and consumes them: records/s each way and both. */
    private static double[] rawKafka(int records, int size) throws Exception {
        String topic = "bench.raw.v1";
        try (Admin admin = Admin.create(TestKafka.adminConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        byte[] value = new byte[size];
        new Random(1).nextBytes(value);
        Map<String, Object> producerConfig = new HashMap<>(TestKafka.adminConfig());
        producerConfig.putAll(Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, ("raw-" + i).getBytes(StandardCharsets.UTF_8), value));
            }
            producer.flush();
        }
        double produce = seconds(start);
        Map<String, Object> consumerConfig = new HashMap<>(TestKafka.adminConfig());
        consumerConfig.putAll(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        long consumeStart = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long read = 0;
            while (read < records) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            consumer.commitSync();
        }
        double consume = seconds(consumeStart);
        return new double[]{records / produce, records / consume, records / (produce + consume)};
    }

    /**
     * Waits until no consumer group has more than one offset left on any partition (an exactly-once commit leaves its
     * transaction marker behind the committed offset), twice in a row; returns when that first held.
     */
    private static long awaitIdle() throws Exception {
        try (Admin admin = Admin.create(TestKafka.adminConfig())) {
            long idleSince = 0;
            while (true) {
                boolean idle = true;
                for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                    if (group.groupId().equals("bench-raw")) {
                        continue;
                    }
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                            .partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                    var ends = admin.listOffsets(latest).all().get();
                    for (var entry : committed.entrySet()) {
                        if (entry.getValue() != null && ends.get(entry.getKey()).offset() - entry.getValue().offset() > 1) {
                            idle = false;
                        }
                    }
                }
                if (idle && idleSince != 0) {
                    return idleSince;
                }
                idleSince = idle ? (idleSince == 0 ? System.nanoTime() : idleSince) : 0;
                Thread.sleep(1000);
            }
        }
    }

    private static long rss(String field) throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(field + ":"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double seconds(long startNanos) {
        return seconds(startNanos, System.nanoTime());
    }

    private static double seconds(long startNanos, long endNanos) {
        return (endNanos - startNanos) / 1e9;
    }
}
