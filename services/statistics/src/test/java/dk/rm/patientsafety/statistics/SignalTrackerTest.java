package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.PeriodGranularity;
import dk.rm.patientsafety.events.SeriesSignalState;
import dk.rm.patientsafety.events.SignalChange;
import dk.rm.patientsafety.events.SignalRule;
import dk.rm.patientsafety.events.StatisticalSignal;
import dk.rm.patientsafety.spc.ChartSpec;
import dk.rm.patientsafety.spc.ChartType;
import dk.rm.patientsafety.spc.Observation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalTrackerTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");
    private final SignalTracker tracker = new SignalTracker();

    @Test
    void aSignalIsPublishedWhenGainedNotWhileItStandsAndAgainWhenLost() {
        SeriesData spike = monthly(5, 6, 4, 5, 6, 5, 4, 6, 5, 5, 6, 4, 20);
        SignalTracker.Evaluation first = tracker.evaluate(spike, spike.chart(), null, AT);
        // The spike lifts the mean above all twelve ordinary months: a long run below it as well.
        assertEquals(List.of(SignalRule.SIGMA, SignalRule.LONGEST_RUN, SignalRule.FEW_CROSSINGS),
                first.signals().stream().map(StatisticalSignal::getRule).toList());
        StatisticalSignal raised = first.signals().get(0);
        assertEquals(SignalChange.RAISED, raised.getChange());
        assertEquals(LocalDate.parse("2026-01-01"), raised.getPoints().get(0).getPeriodStart());
        assertEquals("Incidents per month, unit U: a value outside the control limits in 2026-01 (20, above the upper limit "
                + "13.7). A point this far from the usual level is unlikely to be chance: look for a special cause in that period.",
                raised.getSentence());

        assertTrue(tracker.evaluate(spike, spike.chart(), first.state(), AT).signals().isEmpty(), "still standing: nothing new");

        SeriesData corrected = monthly(5, 6, 4, 5, 6, 5, 4, 6, 5, 5, 6, 4, 6);
        List<StatisticalSignal> cleared = tracker.evaluate(corrected, corrected.chart(), first.state(), AT).signals();
        assertEquals(List.of(SignalRule.SIGMA, SignalRule.LONGEST_RUN, SignalRule.FEW_CROSSINGS),
                cleared.stream().map(StatisticalSignal::getRule).toList());
        assertTrue(cleared.stream().allMatch(signal -> signal.getChange() == SignalChange.CLEARED));
        assertTrue(cleared.get(0).getSentence().contains("no longer outside the control limits in 2026-01"), cleared.get(0).getSentence());
    }

    @Test
    void aShiftRaisesTheLongestRunRuleNamingTheRunsPeriods() {
        SeriesData shifted = monthly(5, 6, 4, 5, 6, 5, 4, 6, 9, 9, 10, 9, 10, 9, 9, 10);
        SignalTracker.Evaluation evaluation = tracker.evaluate(shifted, shifted.chart(), null, AT);
        StatisticalSignal run = evaluation.signals().stream().filter(s -> s.getRule() == SignalRule.LONGEST_RUN).findFirst().orElseThrow();
        assertEquals(8, run.getPoints().size(), "the last eight months, all above the centre line");
        assertTrue(run.getSentence().startsWith("Incidents per month, unit U: 8 periods in a row (2025-09 to 2026-04)"), run.getSentence());
        SeriesSignalState state = evaluation.state();
        assertTrue(state.getLongestRun());
    }

    @Test
    void aSeriesThePolicyStopsJudgingHasItsStandingSignalsCleared() {
        SeriesData spike = monthly(5, 6, 4, 5, 6, 5, 4, 6, 5, 5, 6, 4, 20);
        SeriesSignalState standing = tracker.evaluate(spike, spike.chart(), null, AT).state();

        SignalTracker.Evaluation silenced = tracker.silence(spike, standing, AT);
        assertEquals(List.of(SignalRule.SIGMA, SignalRule.LONGEST_RUN, SignalRule.FEW_CROSSINGS),
                silenced.signals().stream().map(StatisticalSignal::getRule).toList());
        assertTrue(silenced.signals().stream().allMatch(signal -> signal.getChange() == SignalChange.CLEARED));
        assertTrue(silenced.signals().get(0).getSentence().contains("no longer outside the control limits in 2026-01"));
        assertTrue(silenced.state().getSigmaPeriods().isEmpty());
        assertTrue(tracker.silence(spike, silenced.state(), AT).signals().isEmpty(), "nothing left to clear");
    }

        /** Counts for consecutive months from January 2025, on a C chart. */
    private static SeriesData monthly(int... counts) {
        List<SeriesPoint> points = new ArrayList<>();
        LocalDate month = LocalDate.parse("2025-01-01");
        for (int count : counts) {
            CalendarPeriod period = CalendarPeriod.containing(PeriodGranularity.MONTH, month);
            points.add(SeriesPoint.of(period.start(), period.end(), period.label(), Observation.count(count)));
            month = month.plusMonths(1);
        }
        return new SeriesData("incidents:MONTH:U:ALL", "Incidents per month, unit U", "U", "incidents", ChartSpec.of(ChartType.C), points);
    }
}
