package dk.rm.patientsafety.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rm.patientsafety.bulkimport.ImportSummary;
import dk.rm.patientsafety.events.PeriodGranularity;
import dk.rm.patientsafety.statistics.CalendarPeriod;
import dk.rm.patientsafety.statistics.ChartWindow;
import dk.rm.patientsafety.statistics.IncidentSeriesReader;
import dk.rm.patientsafety.statistics.StatisticsConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two years of a department's history through the bulk importer, as a region starting the platform brings it: the
 * weekly and monthly charts show every period of the file with the count computed directly from the file.
 */
class BackfillIT extends PlatformIT {

    /** Horsens' second department: no other test reports there. */
    private static final String UNIT = "1309022000000";
    private static final IncidentSeriesReader READER = StatisticsConfig.defaults().incidentReader();

    @Test
    void twoYearsOfHistoryFillTheWeeklyAndMonthlyChartsWithTheFilesCounts() throws Exception {
        Instant now = Instant.now();
        CalendarPeriod lastWeek = READER.lastClosed(PeriodGranularity.ISO_WEEK, now);
        LocalDate last = lastWeek.end();
        LocalDate first = lastWeek.minus(103).start(); // two years: the weekly chart's whole window
        List<String> rows = new ArrayList<>(List.of("source_id;headline;description;event_date;incident_location;actual_consequence"));
        List<LocalDate> dates = new ArrayList<>();
        int day = 0;
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1), day++) {
            int incidents = 1 + (day % 7 == 3 ? 1 : 0) + (day % 11 == 0 ? 2 : 0);
            for (int i = 0; i < incidents; i++) {
                rows.add("H-" + date + "-" + i + ";Fald på gangen;Patienten faldt ved sengen.;" + date + ";" + UNIT + ";MINOR");
                dates.add(date);
            }
        }
        Path file = dataDir.resolve("two-years.csv");
        Files.write(file, rows, StandardCharsets.UTF_8);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        ImportSummary summary = TestPlatform.bulkImporter(services, out).source("backfill-it").build().importReports(file);
        assertEquals(List.of((long) dates.size(), (long) dates.size(), 0), List.of(summary.read(), summary.accepted(), summary.exitCode()),
                printed.toString(StandardCharsets.UTF_8));

        assertChartEquals("incidents:MONTH:" + UNIT + ":ALL", expected(dates, PeriodGranularity.MONTH, now));
        assertChartEquals("incidents:ISO_WEEK:" + UNIT + ":ALL", expected(dates, PeriodGranularity.ISO_WEEK, now));
    }

    /**
     * The file's count of every period from its first to the last closed one (0 where it has none), as far back as the
     * chart window reaches: computed from the file's dates alone.
     */
    private static Map<LocalDate, Long> expected(List<LocalDate> dates, PeriodGranularity granularity, Instant now) {
        CalendarPeriod last = READER.lastClosed(granularity, now);
        CalendarPeriod windowStart = last.minus(ChartWindow.defaults().periods(granularity) - 1);
        CalendarPeriod first = CalendarPeriod.containing(granularity, dates.get(0));
        Map<LocalDate, Long> counts = new TreeMap<>();
        for (CalendarPeriod p = first.start().isBefore(windowStart.start()) ? windowStart : first; !p.start().isAfter(last.start()); p = p.next()) {
            counts.put(p.start(), 0L);
        }
        dates.stream().map(date -> CalendarPeriod.containing(granularity, date).start()).filter(counts::containsKey)
                .forEach(start -> counts.merge(start, 1L, Long::sum));
        return counts;
    }

    /** Every period of the file is on the chart with the file's count, and the chart has nothing the file lacks. */
    private static void assertChartEquals(String seriesId, Map<LocalDate, Long> expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        Map<LocalDate, Long> charted = Map.of();
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = get("statistics", "/api/v1/series/" + seriesId);
            body = response.body();
            if (response.statusCode() == 200) {
                charted = new TreeMap<>();
                for (JsonNode point : JSON.readTree(body).get("points")) {
                    charted.put(LocalDate.parse(point.get("periodStart").asText()), Math.round(point.get("value").asDouble()));
                }
                if (charted.equals(expected)) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        assertEquals(expected, charted, seriesId + ": " + body);
    }
}
