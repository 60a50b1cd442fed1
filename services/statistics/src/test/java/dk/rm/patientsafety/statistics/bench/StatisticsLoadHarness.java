package dk.rm.patientsafety.statistics.bench;

import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentCount;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.events.StatisticalSignal;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.service.organisation.OrganisationUnit;
import dk.rm.patientsafety.statistics.StatisticsConfig;
import dk.rm.patientsafety.statistics.StatisticsTopology;
import dk.rm.patientsafety.testkit.Reports;
import dk.rm.patientsafety.testkit.TopologyTestKit;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How many classified incidents the statistics topology processes per second: every incident updates day, week and
 * month counts for its department, hospital and region and re-charts 18 series. Runs the production topology in a
 * TopologyTestDriver (RocksDB stores, exactly-once settings, no broker), so the figure is the processing cost alone;
 * Kafka's own cost is in the classifier harness's end-to-end figure. Prints a table.
 *
 * <p>Arguments: number of incidents (default 20,000) over two years across the register's departments, then 5 %
 * reclassified. Run: {@code ./mvnw -q -pl services/statistics -Pload test-compile exec:exec}.
 */
public final class StatisticsLoadHarness {

    private static final LocalDate FIRST_DAY = LocalDate.parse("2024-11-01");
    private static final int DAYS = 730;
    private static final List<String> BREAKDOWN = new ArrayList<>();

    private StatisticsLoadHarness() {
    }

    public static void main(String[] args) {
        int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        OrganisationRegister register = OrganisationRegister.load(Optional.empty());
        List<String> departments = register.units().stream().filter(u -> u.kind() == OrganisationUnit.Kind.DEPARTMENT)
                .map(OrganisationUnit::sorCode).sorted().toList();
        List<IncidentClassified> reports = generate(incidents, departments, new Random(42));

        try (TopologyTestKit kit = new TopologyTestKit()) {
            kit.start(StatisticsTopology.build(kit.registry(), StatisticsConfig.defaults(), register,
                    Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC)), StatisticsTopology.APPLICATION_ID,
                    Instant.parse("2026-11-01T00:00:00Z"));
            TestInputTopic<String, IncidentClassified> in = kit.input(Topics.INCIDENTS_CLASSIFIED);
            TestOutputTopic<String, IncidentCount> counts = kit.output(Topics.INCIDENT_COUNTS);
            TestOutputTopic<String, StatisticalSignal> signals = kit.output(Topics.SIGNALS);
            System.out.printf(Locale.ROOT, "Statistics load harness: %d departments (with their hospitals and the region), %d days of incidents%n",
                    departments.size(), DAYS);
            System.out.println("| run                       | records | wall s | records/s | count updates | signals | peak heap |");
            System.out.println("|---------------------------|---------|--------|-----------|---------------|---------|-----------|");
            run(kit, "new incidents", reports, in, counts, signals);
            run(kit, "reclassifications (5 %)", reclassify(reports, new Random(7)), in, counts, signals);
            System.out.println();
            System.out.println("Signals by series kind (granularity, or days between), rule and change (random data: every signal is a false alarm):");
            BREAKDOWN.forEach(System.out::println);
        }
    }

    private static void run(TopologyTestKit kit, String name, List<IncidentClassified> records, TestInputTopic<String, IncidentClassified> in,
                            TestOutputTopic<String, IncidentCount> counts, TestOutputTopic<String, StatisticalSignal> signals) {
        long countUpdates = 0;
        List<StatisticalSignal> published = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < records.size(); i++) {
            IncidentClassified record = records.get(i);
            in.pipeInput(record.getReportId(), record, record.getClassifiedAt());
            if (i % 500 == 499) { // a charting round, and a drain, so the harness does not measure its own output buffers
                kit.driver().advanceWallClockTime(StatisticsConfig.DEFAULT_CHART_INTERVAL);
                countUpdates += counts.readValuesToList().size();
                published.addAll(signals.readValuesToList());
            }
        }
        kit.driver().advanceWallClockTime(StatisticsConfig.DEFAULT_CHART_INTERVAL);
        countUpdates += counts.readValuesToList().size();
        published.addAll(signals.readValuesToList());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "| %-25s | %,7d | %6.1f | %,9.0f | %,13d | %,7d | %5d MiB |%n", name, records.size(), seconds,
                records.size() / seconds, countUpdates, published.size(), peakHeapMiB());
        BREAKDOWN.add(name + ": " + published.stream().collect(Collectors.groupingBy(
                signal -> kind(signal.getSeriesId()) + " " + signal.getRule() + " " + signal.getChange(), TreeMap::new, Collectors.counting())));
    }

    private static List<IncidentClassified> generate(int n, List<String> departments, Random random) {
        List<IncidentClassified> reports = new ArrayList<>();
        IncidentType[] types = IncidentType.values();
        for (int i = 0; i < n; i++) {
            LocalDate eventDate = FIRST_DAY.plusDays(random.nextInt(DAYS));
            Instant receivedAt = eventDate.plusDays(random.nextInt(21)).atTime(8 + random.nextInt(10), 0).toInstant(ZoneOffset.UTC);
            IncidentType type = random.nextInt(3) == 0 ? IncidentType.MEDICATION : types[random.nextInt(types.length)];
            reports.add(classified("load-" + i, departments.get(random.nextInt(departments.size())), type,
                    random.nextInt(10) == 0 ? OverallSeverity.SERIOUS_CONSEQUENCE : OverallSeverity.MINOR_CONSEQUENCE, eventDate, receivedAt));
        }
        reports.sort(Comparator.comparing(IncidentClassified::getClassifiedAt)); // reports arrive in receipt order
        return reports;
    }

    /** Every twentieth incident reclassified as a fall, a little after the last report. */
    private static List<IncidentClassified> reclassify(List<IncidentClassified> reports, Random random) {
        List<IncidentClassified> overrides = new ArrayList<>();
        Instant after = reports.get(reports.size() - 1).getClassifiedAt();
        for (int i = 0; i < reports.size(); i += 20) {
            IncidentClassified original = reports.get(i);
            overrides.add(IncidentClassified.newBuilder(original).setIncidentType(IncidentType.PATIENT_ACCIDENT_FALL)
                    .setClassifiedAt(after.plusSeconds(random.nextInt(3600))).build());
        }
        overrides.sort(Comparator.comparing(IncidentClassified::getClassifiedAt));
        return overrides;
    }

    private static IncidentClassified classified(String reportId, String unit, IncidentType type, OverallSeverity severity,
                                                 LocalDate eventDate, Instant receivedAt) {
        return IncidentClassified.newBuilder()
                .setReportId(reportId)
                .setReport(Reports.report(Consequence.MINOR, Consequence.MINOR).setReportId(reportId).setIncidentLocation(unit)
                        .setEventDate(eventDate).setReceivedAt(receivedAt).build())
                .setOverallSeverity(severity)
                .setIncidentType(type)
                .setClassifiedAt(receivedAt)
                .setClassifierVersion("load")
                .build();
    }

    private static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    /** {@code MONTH} for counts per month, {@code between SERIOUS} or {@code between <type>} for days between events. */
    private static String kind(String seriesId) {
        String[] parts = seriesId.split(":");
        return parts[0].equals("between") ? "between " + (parts[2].equals("SERIOUS") ? "SERIOUS" : "a type") : parts[1];
    }
}
