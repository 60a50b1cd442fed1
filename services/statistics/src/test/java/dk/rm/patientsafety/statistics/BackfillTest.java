package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentCount;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.events.SignalRule;
import dk.rm.patientsafety.events.StatisticalSignal;
import dk.rm.patientsafety.testkit.TopologyTestKit;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dk.rm.patientsafety.statistics.Incidents.UNIT;
import static dk.rm.patientsafety.statistics.Incidents.classified;
import static dk.rm.patientsafety.statistics.Incidents.morningAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** History is charted in its own periods, exactly as the same reports arriving in time would be, and pages no one. */
class BackfillTest {

    private static final Instant TODAY = Instant.parse("2026-11-20T12:00:00Z");
    /** When the backfill ran: long after every period it brings had closed. */
    private static final Instant IMPORTED = Instant.parse("2026-11-20T08:00:00Z");
    private static final List<String> SERIES = List.of("incidents:MONTH:" + UNIT + ":ALL", "incidents:MONTH:" + UNIT + ":MEDICATION",
            "incidents:ISO_WEEK:" + UNIT + ":ALL", "incidents:ISO_WEEK:" + UNIT + ":MEDICATION", "incidents:DAY:" + UNIT + ":ALL");

    private final List<TopologyTestKit> kits = new ArrayList<>();

    @AfterEach
    void tearDown() {
        kits.forEach(TopologyTestKit::close);
    }

    @Test
    void aChartBuiltFromABackfillEqualsTheChartOfTheSameReportsArrivingInTime() {
        TopologyTestKit live = started();
        TopologyTestKit backfill = started();
        for (IncidentClassified incident : twoYearsWithASeptemberSpike()) {
            pipe(live, incident);
            pipe(backfill, classified(incident.getReportId(), incident.getIncidentType(), incident.getOverallSeverity(),
                    incident.getReport().getEventDate(), IMPORTED, true));
        }
        IncidentClassified today = today();
        pipe(live, today);
        pipe(backfill, today);

        for (String series : SERIES) {
            SeriesView fromLive = StatisticsTestKit.charts(live).chart(series).orElseThrow();
            SeriesView fromBackfill = StatisticsTestKit.charts(backfill).chart(series).orElseThrow(() -> new AssertionError(series + " not charted"));
            assertEquals(fromLive.points(), fromBackfill.points(), series);
            assertEquals(fromLive.signals(), fromBackfill.signals(), series);
        }
        SeriesView month = StatisticsTestKit.charts(backfill).chart("incidents:MONTH:" + UNIT + ":MEDICATION").orElseThrow();
        assertEquals(24, month.points().size(), "October 2024 to September 2026, every month in its own period");
        assertEquals(20.0, month.points().get(23).value());
        Map<String, IncidentCount> counts = backfill.output(Topics.INCIDENT_COUNTS).readKeyValuesToMap();
        assertTrue(counts.values().stream().allMatch(count -> count.getLateCount() == 0), "history is never late");
    }

    @Test
    void signalsFoundWhileHistoryComesInAreRecordedAsHistoryAndLiveOnesAreNot() {
        TopologyTestKit backfill = started();
        var signals = backfill.output(Topics.SIGNALS);
        for (IncidentClassified incident : twoYearsWithASeptemberSpike()) {
            pipe(backfill, classified(incident.getReportId(), incident.getIncidentType(), incident.getOverallSeverity(),
                    incident.getReport().getEventDate(), IMPORTED, true));
        }
        List<StatisticalSignal> found = signals.readValuesToList();
        assertTrue(found.stream().anyMatch(s -> s.getRule() == SignalRule.SIGMA), "the spike is on record: " + found);
        assertTrue(found.stream().allMatch(StatisticalSignal::getHistorical), "nothing found in history is pushed: " + found);

        TopologyTestKit live = started();
        var liveSignals = live.output(Topics.SIGNALS);
        twoYearsWithASeptemberSpike().forEach(incident -> pipe(live, incident));
        pipe(live, today()); // September's grace has passed: it closes, and its spike is news
        StatisticalSignal spike = liveSignals.readValuesToList().stream()
                .filter(s -> s.getSeriesId().equals("incidents:MONTH:" + UNIT + ":MEDICATION") && s.getRule() == SignalRule.SIGMA)
                .reduce((first, second) -> second).orElseThrow();
        assertEquals(LocalDate.parse("2026-09-01"), spike.getPoints().get(0).getPeriodStart());
        assertFalse(spike.getHistorical(), "September is the newest closed month: live news");
    }

    @Test
    void aSeriesThatHadNothingClosedToChartIsChartedWhenItsFirstPeriodClosesWithoutAnotherReport() {
        TopologyTestKit kit = started();
        pipe(kit, classified("first", IncidentType.MEDICATION, OverallSeverity.MINOR_CONSEQUENCE, LocalDate.parse("2026-11-10"),
                Instant.parse("2026-11-11T09:00:00Z"), false));
        String series = "incidents:MONTH:" + UNIT + ":MEDICATION";
        assertTrue(StatisticsTestKit.charts(kit).chart(series).isEmpty(), "November is still open: nothing to chart");

        kit.driver().advanceWallClockTime(Duration.ofDays(42)); // 1 January: November's 30 days of grace have passed
        SeriesView charted = StatisticsTestKit.charts(kit).chart(series).orElseThrow(() -> new AssertionError("never charted"));
        assertEquals(List.of(1.0), charted.points().stream().map(SeriesView.Point::value).toList());
    }

    private static IncidentClassified today() {
        return classified("today", IncidentType.MEDICATION, OverallSeverity.MINOR_CONSEQUENCE, LocalDate.parse("2026-11-19"),
                Instant.parse("2026-11-20T09:00:00Z"), false);
    }

    private TopologyTestKit started() {
        TopologyTestKit kit = new TopologyTestKit();
        kits.add(kit);
        StatisticsTestKit.start(kit, TODAY);
        return kit;
    }

    private static void pipe(TopologyTestKit kit, IncidentClassified incident) {
        TestInputTopic<String, IncidentClassified> in = kit.input(Topics.INCIDENTS_CLASSIFIED);
        in.pipeInput(incident.getReportId(), incident, incident.getReport().getReceivedAt());
        kit.driver().advanceWallClockTime(StatisticsConfig.DEFAULT_CHART_INTERVAL);
    }

    /** 23 ordinary months from October 2024 (4–6 incidents, medication and falls), then 20 medication incidents in September 2026. */
    private static List<IncidentClassified> twoYearsWithASeptemberSpike() {
        List<IncidentClassified> incidents = new ArrayList<>();
        LocalDate month = LocalDate.parse("2024-10-01");
        int id = 0;
        for (int m = 0; m < 23; m++, month = month.plusMonths(1)) {
            for (int i = 0; i < 4 + m % 3; i++) {
                IncidentType type = i % 4 == 3 ? IncidentType.PATIENT_ACCIDENT_FALL : IncidentType.MEDICATION;
                incidents.add(classified("base-" + id++, type, OverallSeverity.MINOR_CONSEQUENCE, month.plusDays(i * 5L),
                        morningAfter(month.plusDays(i * 5L)), false));
            }
        }
        for (int i = 0; i < 20; i++) {
            incidents.add(classified("spike-" + i, IncidentType.MEDICATION, OverallSeverity.MINOR_CONSEQUENCE, month.plusDays(i),
                    morningAfter(month.plusDays(i)), false));
        }
        return incidents;
    }
}
