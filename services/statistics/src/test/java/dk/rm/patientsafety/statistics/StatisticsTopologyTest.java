package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentCount;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.events.SignalChange;
import dk.rm.patientsafety.events.SignalRule;
import dk.rm.patientsafety.events.StatisticalSignal;
import dk.rm.patientsafety.events.UnitActivity;
import dk.rm.patientsafety.spc.ChartType;
import dk.rm.patientsafety.testkit.TopologyTestKit;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dk.rm.patientsafety.statistics.Incidents.UNIT;
import static dk.rm.patientsafety.statistics.Incidents.classified;
import static dk.rm.patientsafety.statistics.Incidents.morningAfter;
import static dk.rm.patientsafety.statistics.Incidents.nextDay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatisticsTopologyTest {

    private static final IncidentType MEDICATION = IncidentType.MEDICATION;
    private static final OverallSeverity MINOR = OverallSeverity.MINOR_CONSEQUENCE;

    private final TopologyTestKit kit = new TopologyTestKit();
    private TestInputTopic<String, IncidentClassified> classified;
    private TestInputTopic<String, UnitActivity> activity;
    private TestOutputTopic<String, IncidentCount> counts;
    private TestOutputTopic<String, StatisticalSignal> signals;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void setUp() {
        StatisticsTestKit.start(kit, Instant.parse("2026-10-31T12:00:00Z"));
        classified = kit.input(Topics.INCIDENTS_CLASSIFIED);
        activity = kit.input(Topics.ACTIVITY);
        counts = kit.output(Topics.INCIDENT_COUNTS);
        signals = kit.output(Topics.SIGNALS);
        deadLetters = kit.output(Topics.DEAD_LETTERS);
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    @Test
    void countsPerUnitTypeAndSeverityInDayIsoWeekAndMonthWindowsRolledUpTheRegister() {
        pipe(nextDay("r1", MEDICATION, LocalDate.parse("2026-10-05")));     // Monday of week 41
        pipe(nextDay("r2", MEDICATION, LocalDate.parse("2026-10-11")));     // Sunday of the same week
        pipe(classified("r3", MEDICATION, OverallSeverity.SERIOUS_CONSEQUENCE, LocalDate.parse("2026-10-12"), morningAfter(LocalDate.parse("2026-10-12"))));

        Map<String, IncidentCount> latest = counts.readKeyValuesToMap();
        assertEquals(2, latest.get("MONTH|" + UNIT + "|2026-10-01|MEDICATION|MINOR_CONSEQUENCE").getCount());
        assertEquals(1, latest.get("MONTH|" + UNIT + "|2026-10-01|MEDICATION|SERIOUS_CONSEQUENCE").getCount());
        assertEquals(2, latest.get("ISO_WEEK|" + UNIT + "|2026-10-05|MEDICATION|MINOR_CONSEQUENCE").getCount());
        assertEquals(1, latest.get("ISO_WEEK|" + UNIT + "|2026-10-12|MEDICATION|SERIOUS_CONSEQUENCE").getCount());
        assertEquals(1, latest.get("DAY|" + UNIT + "|2026-10-11|MEDICATION|MINOR_CONSEQUENCE").getCount());
        IncidentCount week = latest.get("ISO_WEEK|" + UNIT + "|2026-10-05|MEDICATION|MINOR_CONSEQUENCE");
        assertEquals(LocalDate.parse("2026-10-11"), week.getPeriodEnd());
        assertEquals(Instant.parse("2026-10-25T23:00:00Z"), week.getClosesAt(), "Monday after the week, Danish midnight, plus 14 days");
        assertEquals(2, latest.get("MONTH|1309010000000|2026-10-01|MEDICATION|MINOR_CONSEQUENCE").getCount(), "the hospital above");
        assertEquals(2, latest.get("MONTH|1309000000000|2026-10-01|MEDICATION|MINOR_CONSEQUENCE").getCount(), "the region above");
        assertEquals(3 * 7, latest.size(), "two months, two weeks and three days, for the department, its hospital and the region");
    }

    @Test
    void aLateReportCountsWhereItsPeriodIsStillOpenAndIsKeptAsLateWhereItClosed() {
        LocalDate eventDate = LocalDate.parse("2026-10-20");
        pipe(classified("late", MEDICATION, MINOR, eventDate, Instant.parse("2026-11-25T08:00:00Z")));
        pipe(classified("later", MEDICATION, MINOR, eventDate, Instant.parse("2026-12-02T08:00:00Z")));

        Map<String, IncidentCount> latest = counts.readKeyValuesToMap();
        IncidentCount month = latest.get("MONTH|" + UNIT + "|2026-10-01|MEDICATION|MINOR_CONSEQUENCE");
        assertEquals(1, month.getCount(), "October closes 30 days after its end: the first report is in time");
        assertEquals(1, month.getLateCount(), "the second came after 1 December and is kept as late");
        IncidentCount day = latest.get("DAY|" + UNIT + "|2026-10-20|MEDICATION|MINOR_CONSEQUENCE");
        assertEquals(0, day.getCount());
        assertEquals(2, day.getLateCount(), "the day closed 14 days after it: both are late, none is lost");
    }

    @Test
    void anOverrideMovesTheIncidentToItsNewBucketAndAReplayChangesNothing() {
        LocalDate eventDate = LocalDate.parse("2026-10-05");
        pipe(nextDay("r1", MEDICATION, eventDate));
        counts.readKeyValuesToMap();

        pipe(classified("r1", IncidentType.PATIENT_ACCIDENT_FALL, OverallSeverity.SERIOUS_CONSEQUENCE, eventDate, morningAfter(eventDate)));
        Map<String, IncidentCount> latest = counts.readKeyValuesToMap();
        assertEquals(0, latest.get("MONTH|" + UNIT + "|2026-10-01|MEDICATION|MINOR_CONSEQUENCE").getCount());
        assertEquals(1, latest.get("MONTH|" + UNIT + "|2026-10-01|PATIENT_ACCIDENT_FALL|SERIOUS_CONSEQUENCE").getCount());

        pipe(classified("r1", IncidentType.PATIENT_ACCIDENT_FALL, OverallSeverity.SERIOUS_CONSEQUENCE, eventDate, morningAfter(eventDate)));
        assertTrue(counts.isEmpty(), "the same classification again is no change");
    }

    @Test
    void aSpikeRaisesASigmaSignalAndAnOverrideThatRemovesItClearsIt() {
        LocalDate month = twoYearsWithAnOctoberSpike();
        signals.readValuesToList();
        pipe(nextDay("december", MEDICATION, LocalDate.parse("2026-12-01"))); // October closed on 1 December: it is charted

        StatisticalSignal raised = only(signals.readValuesToList(), "incidents:MONTH:" + UNIT + ":MEDICATION");
        assertEquals(SignalRule.SIGMA, raised.getRule());
        assertEquals(SignalChange.RAISED, raised.getChange());
        assertEquals(LocalDate.parse("2026-10-01"), raised.getPoints().get(0).getPeriodStart());
        assertEquals(20.0, raised.getPoints().get(0).getValue());
        assertTrue(raised.getSentence().contains("2026-10 (20, above the upper limit"), raised.getSentence());

        for (int i = 0; i < 15; i++) { // the caseworkers find most of October's reports were falls
            pipe(classified("spike-" + i, IncidentType.PATIENT_ACCIDENT_FALL, MINOR, month.plusDays(i), morningAfter(month.plusDays(i))));
        }
        List<StatisticalSignal> medication = signals.readValuesToList().stream()
                .filter(s -> s.getSeriesId().equals("incidents:MONTH:" + UNIT + ":MEDICATION")).toList();
        assertEquals(SignalChange.CLEARED, medication.get(medication.size() - 1).getChange());
        assertEquals(SignalRule.SIGMA, medication.get(medication.size() - 1).getRule());
    }

    @Test
    void aReclassificationMovesAnIncidentInOneStepSoNoChartSeesTheStateBetween() {
        // 13 in October is just above the upper limit (12.2); 12 would be just below it.
        LocalDate october = twoYearsWithAnOctoberSpike(13);
        pipe(nextDay("december", MEDICATION, LocalDate.parse("2026-12-01")));
        assertEquals(SignalRule.SIGMA, only(signals.readValuesToList(), "incidents:MONTH:" + UNIT + ":MEDICATION").getRule());

        // A caseworker finds one October incident more serious: its type, and so every chart, stays as it was.
        pipe(classified("spike-0", MEDICATION, OverallSeverity.SERIOUS_CONSEQUENCE, october, morningAfter(october)));
        Map<String, IncidentCount> moved = counts.readKeyValuesToMap();
        assertEquals(12, moved.get("MONTH|" + UNIT + "|2026-10-01|MEDICATION|MINOR_CONSEQUENCE").getCount());
        assertEquals(1, moved.get("MONTH|" + UNIT + "|2026-10-01|MEDICATION|SERIOUS_CONSEQUENCE").getCount());
        assertTrue(signals.isEmpty(), "no chart was drawn with the incident taken out and not yet put back");
    }

    @Test
    void aPeriodThatClosesIsChartedOnTheWallClockScheduleEvenIfNoReportFollows() {
        twoYearsWithAnOctoberSpike();
        String series = "incidents:MONTH:" + UNIT + ":MEDICATION";
        assertTrue(signals.readValuesToList().stream().noneMatch(s -> s.getSeriesId().equals(series) && s.getRule() == SignalRule.SIGMA),
                "October has not closed yet: it is not charted");

        kit.driver().advanceWallClockTime(Duration.ofDays(32)); // 2 December: October's 30 days of grace have passed
        StatisticalSignal raised = only(signals.readValuesToList(), series);
        assertEquals(SignalRule.SIGMA, raised.getRule());
        assertEquals(LocalDate.parse("2026-10-01"), raised.getPoints().get(0).getPeriodStart());
    }

    @Test
    void emptyPeriodsAreZeroOpenPeriodsAreLeftOutAndActivityTurnsCountsIntoRatesPerThousandBedDays() {
        pipe(nextDay("jan", MEDICATION, LocalDate.parse("2026-01-10")));
        pipe(nextDay("apr", MEDICATION, LocalDate.parse("2026-04-10")));
        pipe(nextDay("may", MEDICATION, LocalDate.parse("2026-05-10")));
        pipe(nextDay("jun", MEDICATION, LocalDate.parse("2026-06-10"))); // April closed on 1 June; May is still open
        SeriesView counted = charts().chart("incidents:MONTH:" + UNIT + ":MEDICATION").orElseThrow();
        assertEquals("C", counted.chart());
        assertEquals(List.of(1.0, 0.0, 0.0, 1.0), counted.points().stream().map(SeriesView.Point::value).toList());

        for (String start : List.of("2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01")) {
            LocalDate first = LocalDate.parse(start);
            activity.pipeInput(UNIT + "|" + start, UnitActivity.newBuilder().setUnitSorCode(UNIT).setPeriodStart(first)
                    .setPeriodEnd(first.plusMonths(1).minusDays(1)).setBedDays(500L).setSource("test").build(), morningAfter(LocalDate.parse("2026-05-10")));
        }
        SeriesView rates = charts().chart("incidents:MONTH:" + UNIT + ":MEDICATION").orElseThrow();
        assertEquals("U", rates.chart());
        assertEquals(1000.0, rates.multiply());
        assertEquals(List.of(2.0, 0.0, 0.0, 2.0), rates.points().stream().map(SeriesView.Point::value).toList(), "1 per 500 bed-days");
        assertEquals(500.0, rates.points().get(0).denominator());
    }

    @Test
    void invalidActivityIsADeadLetterWithTheRuleItBreaks() {
        LocalDate first = LocalDate.parse("2026-01-01");
        activity.pipeInput(UNIT + "|2026-01-01", UnitActivity.newBuilder().setUnitSorCode(UNIT).setPeriodStart(first)
                .setPeriodEnd(first.plusMonths(1).minusDays(1)).setBedDays(-3L).setSource("test").build());
        DeadLetter deadLetter = deadLetters.readValue();
        assertEquals("INVALID_VALUE", deadLetter.getReasonCode());
        assertEquals("bedDays is negative", deadLetter.getReason());
    }

    /** 23 ordinary months from November 2024 (4–6 medication incidents each), then 20 in October 2026; returns October. */
    @Test
    void aLongGapBetweenSeriousIncidentsIsSignalledOnTheirGChartInEveryUnitOfTheLineage() {
        LocalDate first = LocalDate.parse("2025-01-05");
        for (int i = 0; i < 12; i++) {
            LocalDate day = first.plusDays(30L * i);
            pipe(classified("serious-" + i, IncidentType.PATIENT_ACCIDENT_FALL, OverallSeverity.SERIOUS_CONSEQUENCE, day, morningAfter(day)));
        }
        LocalDate afterGap = LocalDate.parse("2026-07-20"); // 231 days after the twelfth
        pipe(classified("serious-late", MEDICATION, OverallSeverity.FATAL_CONSEQUENCE, afterGap, morningAfter(afterGap)));
        pipe(nextDay("minor", MEDICATION, afterGap.plusDays(1)));
        kit.driver().advanceWallClockTime(Duration.ofHours(1)); // the hourly round charts the days that have closed since

        List<StatisticalSignal> sigma = signals.readValuesToList().stream().filter(s -> s.getRule() == SignalRule.SIGMA).toList();
        for (String unit : List.of(UNIT, "1309010000000", "1309000000000")) {
            StatisticalSignal raised = only(sigma, "between:" + unit + ":SERIOUS");
            assertEquals(dk.rm.patientsafety.events.ChartKind.G, raised.getChart());
            assertEquals(afterGap, raised.getPoints().get(0).getPeriodStart());
            assertEquals(231.0, raised.getPoints().get(0).getValue());
            assertTrue(raised.getSentence().startsWith("Days between serious incidents, unit " + unit
                    + ": an unusually long time without such an incident: 231 days before 2026-07-20 (above the upper limit 188)"),
                    raised.getSentence());
            assertEquals(false, raised.getHistorical(), "the newest interval: news");
            SeriesView chart = charts().chart("between:" + unit + ":SERIOUS").orElseThrow();
            assertEquals("G", chart.chart());
            assertEquals(12, chart.points().size(), "thirteen serious incidents, twelve intervals");
            assertEquals(30.0, chart.points().get(0).value());
            assertEquals(1, chart.signals().size());
        }
        SeriesView fallsOnly = charts().chart("between:" + UNIT + ":PATIENT_ACCIDENT_FALL").orElseThrow();
        assertEquals(11, fallsOnly.points().size(), "the falls alone, the fatal medication incident is not one");
        assertTrue(charts().chart("between:" + UNIT + ":MEDICATION").isPresent());
        assertEquals("T", charts().chart("between:" + UNIT + ":SERIOUS", 0, List.of(), true, Optional.of(ChartType.T)).orElseThrow().chart());

        // A serious incident in the gap, reported months late: late for its day's count, but no gap is left.
        LocalDate inGap = LocalDate.parse("2026-04-01");
        pipe(classified("serious-reported-late", MEDICATION, OverallSeverity.SERIOUS_CONSEQUENCE, inGap, Instant.parse("2026-10-20T09:00:00Z")));
        StatisticalSignal cleared = only(signals.readValuesToList(), "between:" + UNIT + ":SERIOUS");
        assertEquals(SignalChange.CLEARED, cleared.getChange());
        assertEquals(13, charts().chart("between:" + UNIT + ":SERIOUS").orElseThrow().points().size());
        assertEquals(1, counts.readKeyValuesToMap().get("DAY|" + UNIT + "|2026-04-01|MEDICATION|SERIOUS_CONSEQUENCE").getLateCount());
    }

    @Test
    void frequentIncidentsAreJudgedOnTheirCountsNotOnTheDaysBetweenThem() {
        twoYearsWithAnOctoberSpike();
        pipe(nextDay("same-day", MEDICATION, LocalDate.parse("2026-10-20"))); // the spike's last day again: 0 days between
        kit.driver().advanceWallClockTime(Duration.ofDays(32));

        String between = "between:" + UNIT + ":MEDICATION";
        assertTrue(signals.readValuesToList().stream().noneMatch(s -> s.getSeriesId().equals(between)), "about five a month");
        SeriesView chart = charts().chart(between).orElseThrow();
        assertEquals("G", chart.chart());
        assertEquals(0.0, chart.points().get(chart.points().size() - 1).value());
        assertThrows(IllegalArgumentException.class, () -> charts().chart(between, 0, List.of(), true, Optional.of(ChartType.T)),
                "a T chart needs every time between to be positive");
        assertThrows(IllegalArgumentException.class,
                () -> charts().chart("incidents:MONTH:" + UNIT + ":MEDICATION", 0, List.of(), true, Optional.of(ChartType.T)));
    }

    private LocalDate twoYearsWithAnOctoberSpike() {
        return twoYearsWithAnOctoberSpike(20);
    }

    private LocalDate twoYearsWithAnOctoberSpike(int octoberIncidents) {
        LocalDate month = LocalDate.parse("2024-11-01");
        int id = 0;
        for (int m = 0; m < 23; m++, month = month.plusMonths(1)) {
            for (int i = 0; i < 4 + m % 3; i++) {
                pipe(nextDay("base-" + id++, MEDICATION, month.plusDays(i)));
            }
        }
        for (int i = 0; i < octoberIncidents; i++) {
            pipe(nextDay("spike-" + i, MEDICATION, month.plusDays(i)));
        }
        return month;
    }

    /** One record, then the next charting round, as a commit interval passing after it would bring. */
    private void pipe(IncidentClassified incident) {
        classified.pipeInput(incident.getReportId(), incident, incident.getReport().getReceivedAt());
        kit.driver().advanceWallClockTime(StatisticsConfig.DEFAULT_CHART_INTERVAL);
    }

    private SeriesCharts charts() {
        return StatisticsTestKit.charts(kit);
    }

    private static StatisticalSignal only(List<StatisticalSignal> signals, String seriesId) {
        List<StatisticalSignal> ofSeries = signals.stream().filter(s -> s.getSeriesId().equals(seriesId)).toList();
        assertEquals(1, ofSeries.size(), () -> "one signal expected for " + seriesId + ": " + ofSeries);
        return ofSeries.get(0);
    }
}
