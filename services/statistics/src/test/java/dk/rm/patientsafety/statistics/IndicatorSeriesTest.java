package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.ChartKind;
import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.events.Direction;
import dk.rm.patientsafety.events.IndicatorKind;
import dk.rm.patientsafety.events.QualityIndicatorObservation;
import dk.rm.patientsafety.events.SignalChange;
import dk.rm.patientsafety.events.SignalRule;
import dk.rm.patientsafety.events.StatisticalSignal;
import dk.rm.patientsafety.testkit.TopologyTestKit;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndicatorSeriesTest {

    private static final String UNIT = "1309011000000";
    private static final String SERIES = "indicator:RKKP-DAHTA:1a:1:" + UNIT;

    private final TopologyTestKit kit = new TopologyTestKit();
    private TestInputTopic<String, QualityIndicatorObservation> results;
    private TestOutputTopic<String, StatisticalSignal> signals;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void setUp() {
        StatisticsTestKit.start(kit, Instant.parse("2026-11-23T10:00:00Z"));
        results = kit.input(Topics.QUALITY_INDICATORS);
        signals = kit.output(Topics.SIGNALS);
        deadLetters = kit.output(Topics.DEAD_LETTERS);
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    @Test
    void aSustainedDropInAProportionRaisesTheLongestRunSignalOnAPChart() {
        LocalDate month = LocalDate.parse("2025-01-01");
        long[] met = {90, 88, 91, 89, 92, 90, 87, 91, 90, 89, 91, 90, 82, 83, 81, 84, 82, 83, 80, 82};
        for (long numerator : met) {
            pipe(proportion(month, numerator, 100));
            month = month.plusMonths(1);
        }
        List<StatisticalSignal> raised = signals.readValuesToList();
        StatisticalSignal run = raised.stream().filter(s -> s.getRule() == SignalRule.LONGEST_RUN).findFirst().orElseThrow();
        assertEquals(SERIES, run.getSeriesId());
        assertEquals(SignalChange.RAISED, run.getChange());
        assertEquals(ChartKind.P, run.getChart());
        assertTrue(run.getSentence().contains("in a row"), run.getSentence());
        assertTrue(run.getPoints().size() >= 8, "the points of the run are named");

        SeriesView view = charts().chart(SERIES).orElseThrow();
        assertEquals("P", view.chart());
        assertEquals(20, view.points().size());
        assertEquals(0.9, view.points().get(0).value());
        assertEquals(0.9, view.points().get(0).target());
        assertEquals(Boolean.TRUE, view.points().get(0).standardMet(), "90 % meets a standard of at least 90 %");
        assertEquals(Boolean.FALSE, view.points().get(1).standardMet(), "88 % does not");
        assertTrue(view.runs().get(0).runsSignal());

        SeriesView phased = charts().chart(SERIES, 0, List.of(LocalDate.parse("2026-01-01"))).orElseThrow();
        assertEquals(2, phased.runs().size(), "a new phase from the month the level changed");
        assertEquals(1, phased.points().get(11).part());
        assertEquals(2, phased.points().get(12).part());
        assertEquals(0.9, phased.points().get(0).centreLine(), 0.005);
        assertEquals(0.821, phased.points().get(12).centreLine(), 0.001);
        assertTrue(phased.runs().stream().noneMatch(SeriesView.Runs::runsSignal), "each phase is stable on its own");
    }

    @Test
    void aSuppressedResultIsAMissingPointNotAZero() {
        pipe(proportion(LocalDate.parse("2026-01-01"), 9, 10));
        pipe(QualityIndicatorObservation.newBuilder(proportion(LocalDate.parse("2026-02-01"), 0, 0)).setNumerator(null)
                .setDenominator(null).setSuppressed(true).build());
        pipe(proportion(LocalDate.parse("2026-03-01"), 8, 10));
        SeriesView view = charts().chart(SERIES).orElseThrow();
        assertNull(view.points().get(1).value());
        assertEquals(3, view.points().size());
    }

    @Test
    void largeDenominatorsGoOnALaneyChartAndMeasurementsOnAnIChart() {
        LocalDate month = LocalDate.parse("2026-01-01");
        for (int i = 0; i < 6; i++, month = month.plusMonths(1)) {
            pipe(proportion(month, 4000 + i * 10, 5000));
            pipe(QualityIndicatorObservation.newBuilder(proportion(month, 0, 0)).setIndicatorId("ventetid").setKind(IndicatorKind.MEASUREMENT)
                    .setNumerator(null).setDenominator(null).setValue(12.5 + i).setDirection(Direction.LOWER_IS_BETTER).build());
        }
        assertEquals("P_PRIME", charts().chart(SERIES).orElseThrow().chart());
        assertEquals("I", charts().chart("indicator:RKKP-DAHTA:ventetid:1:" + UNIT).orElseThrow().chart());
    }

    @Test
    void aChartCanBeDrawnWithUnscreenedMovingRangesAsAnUnattachedQicharts2DrawsIt() {
        LocalDate month = LocalDate.parse("2025-01-01");
        for (int i = 0; i < 20; i++, month = month.plusMonths(1)) {
            pipe(proportion(month, i == 10 ? 4600 : 4000 + i % 2 * 10, 5000)); // one spike among twenty months
        }
        SeriesView screened = charts().chart(SERIES).orElseThrow();
        SeriesView unscreened = charts().chart(SERIES, 0, List.of(), false).orElseThrow();
        assertEquals("P_PRIME", screened.chart());
        assertTrue(unscreened.points().get(0).upperLimit() > screened.points().get(0).upperLimit(),
                "the two large ranges around the spike widen the unscreened limits");
    }

    @Test
    void singlePathwaysAreChartedCaseByCaseOnATChartFromTheLatestHundred() {
        String series = "indicator:kraeftforloeb:A02-OF4:1:" + UNIT;
        LocalDate end = LocalDate.parse("2025-01-01");
        for (int i = 0; i < 120; i++, end = end.plusDays(2)) {
            pipe(pathwayCase("F-" + i, end, i == 119 ? 80 : 15 + (i * 7) % 11));
        }
        SeriesView view = charts().chart(series).orElseThrow();
        assertEquals("T", view.chart());
        assertEquals("days", view.measure());
        assertEquals(IndicatorSeriesReader.LATEST_CASES, view.points().size(), "the latest 100 cases");
        SeriesView.Point last = view.points().get(99);
        assertEquals("F-119 (" + end.minusDays(2 + 80) + "/" + end.minusDays(2) + ")", last.period());
        assertEquals(end.minusDays(2), last.periodStart(), "a case is dated by the day its time ended");
        assertEquals(80.0, last.value(), 1e-9);
        assertEquals(Boolean.FALSE, last.standardMet(), "80 days against a standard of 30");
        assertTrue(last.value() > last.upperLimit(), view.toString());
        StatisticalSignal sigma = signals.readValuesToList().stream().filter(s -> s.getSeriesId().equals(series)
                && s.getRule() == SignalRule.SIGMA && s.getChange() == SignalChange.RAISED).findFirst().orElseThrow();
        assertEquals(ChartKind.T, sigma.getChart());

        pipe(pathwayCase("F-119", end.plusDays(30), 20));
        SeriesView corrected = charts().chart(series).orElseThrow();
        assertEquals(100, corrected.points().size(), "the corrected case replaced its first point, though its dates moved");
        assertEquals(20.0, corrected.points().get(99).value(), 1e-9);
        assertEquals(1, corrected.points().stream().filter(p -> p.period().startsWith("F-119 ")).count());
        assertTrue(signals.readValuesToList().stream().anyMatch(s -> s.getSeriesId().equals(series) && s.getRule() == SignalRule.SIGMA
                && s.getChange() == SignalChange.CLEARED), "the long case was corrected away");

        pipe(pathwayCase("F-120", end.plusDays(31), 0));
        assertEquals("I", charts().chart(series).orElseThrow().chart(), "a T chart takes no time of 0 days");

        pipe(QualityIndicatorObservation.newBuilder(pathwayCase("F-121", end.plusDays(32), 3)).setValue(-3.0).build());
        assertEquals("a single case needs its time (a value of at least 0) and cannot be suppressed", deadLetters.readValue().getReason());
    }

    @Test
    void aProportionAboveOneIsRefusedToTheDeadLetters() {
        pipe(proportion(LocalDate.parse("2026-01-01"), 11, 10));
        DeadLetter deadLetter = deadLetters.readValue();
        assertEquals("INVALID_VALUE", deadLetter.getReasonCode());
        assertEquals("numerator exceeds denominator of a proportion", deadLetter.getReason());
        assertTrue(charts().chart(SERIES).isEmpty());
    }

    private void pipe(QualityIndicatorObservation result) {
        results.pipeInput(SERIES + "|" + result.getPeriodStart(), result, result.getPeriodEnd().atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static QualityIndicatorObservation proportion(LocalDate month, long numerator, long denominator) {
        return QualityIndicatorObservation.newBuilder()
                .setSource("RKKP/DAHTA")
                .setIndicatorId("1a")
                .setKind(IndicatorKind.PROPORTION)
                .setPeriodStart(month)
                .setPeriodEnd(month.plusMonths(1).minusDays(1))
                .setUnitSorCode(UNIT)
                .setNumerator(numerator)
                .setDenominator(denominator)
                .setTarget(0.9)
                .setDirection(Direction.HIGHER_IS_BETTER)
                .build();
    }

    private static QualityIndicatorObservation pathwayCase(String caseId, LocalDate end, int days) {
        return QualityIndicatorObservation.newBuilder()
                .setSource("kraeftforloeb")
                .setIndicatorId("A02:OF4")
                .setKind(IndicatorKind.MEASUREMENT)
                .setCaseId(caseId)
                .setPeriodStart(end.minusDays(days))
                .setPeriodEnd(end)
                .setUnitSorCode(UNIT)
                .setValue((double) days)
                .setTarget(30.0)
                .setDirection(Direction.LOWER_IS_BETTER)
                .build();
    }

    private SeriesCharts charts() {
        return StatisticsTestKit.charts(kit);
    }
}
