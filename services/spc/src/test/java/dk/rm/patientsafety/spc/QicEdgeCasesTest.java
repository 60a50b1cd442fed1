package dk.rm.patientsafety.spc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/** The edge cases named in the brief, checked through the public API (their R results are in the fixture too). */
class QicEdgeCasesTest {

    private static final double NA = Double.NaN;

    static List<Observation> counts(double... values) {
        return DoubleStream.of(values).mapToObj(Observation::count).toList();
    }

    static List<Observation> ratios(double[] values, double[] denominators) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            observations.add(Observation.of(values[i], denominators[i]));
        }
        return observations;
    }

    @Test
    void everyPointOnTheCentreLineHasNoUsefulObservationsAndNoSignal() {
        Chart chart = Qic.chart(ChartSpec.of(ChartType.RUN), counts(7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7));
        RunsAnalysis runs = chart.lastPartRuns();
        assertEquals(0, runs.usefulObservations());
        assertFalse(runs.analysed());
        assertFalse(chart.runsSignal());
        assertFalse(chart.sigmaSignal());
    }

    @Test
    void fewerThanTenUsefulPointsAreStillAnalysedWithTheirOwnLimits() {
        RunsAnalysis runs = Qic.chart(ChartSpec.of(ChartType.RUN), counts(3, 5, 4, 4, 6, 2, 4, 7)).lastPartRuns();
        assertEquals(5, runs.usefulObservations());    // the three 4s are on the median
        assertEquals(5, runs.longestRunLimit());       // round(log2(5)) + 3
        assertEquals(0, runs.crossingsLimit());        // qbinom(0.05, 4, 0.5): P(X = 0) = 1/16 >= 0.05
    }

    @Test
    void zeroDenominatorWithZeroEventsIsAMissingPointWithoutLimits() {
        Chart chart = Qic.chart(ChartSpec.of(ChartType.U), ratios(new double[] {3, 0, 5}, new double[] {10, 0, 20}));
        ChartPoint empty = chart.points().get(1);
        assertTrue(Double.isNaN(empty.value()));
        assertEquals(0, empty.denominator());
        assertTrue(Double.isNaN(empty.upperLimit()) && Double.isNaN(empty.lowerLimit()));
        assertEquals(8.0 / 30, empty.centreLine());
        assertEquals(2, chart.lastPartRuns().usefulObservations());
    }

    @Test
    void missingValueOrDenominatorMakesTheWholePointMissingWithDenominatorZero() {
        Chart chart = Qic.chart(ChartSpec.of(ChartType.P),
                ratios(new double[] {3, NA, 4, 2}, new double[] {10, 12, NA, 8}));
        for (int i : new int[] {1, 2}) {
            assertTrue(Double.isNaN(chart.points().get(i).value()));
            assertEquals(0, chart.points().get(i).denominator());
        }
        assertEquals(5.0 / 18, chart.points().get(0).centreLine());
    }

    @Test
    void emptyPeriodsAreZeroCountsNotMissing() {
        Chart chart = Qic.chart(ChartSpec.of(ChartType.C), counts(0, 3, 0, 0, 2, 0, 1, 0, 0, 4));
        assertEquals(1.0, chart.points().get(0).centreLine());
        assertEquals(0.0, chart.points().get(0).value());
        assertEquals(9, chart.lastPartRuns().usefulObservations());  // only the single 1 lies on the centre line
    }

    @Test
    void freezeLongerThanTheSeriesUsesEveryPointAsBaseline() {
        Chart frozen = Qic.chart(ChartSpec.of(ChartType.I).withFreeze(30), counts(5, 7, 6, 9, 4));
        Chart plain = Qic.chart(ChartSpec.of(ChartType.I), counts(5, 7, 6, 9, 4));
        assertTrue(frozen.points().stream().allMatch(ChartPoint::baseline));
        assertEquals(plain.points(), frozen.points());
    }

    @Test
    void freezeComputesLimitsFromTheBaselineAndRunsFromAllPoints() {
        Chart chart = Qic.chart(ChartSpec.of(ChartType.RUN).withFreeze(4), counts(1, 2, 3, 4, 9, 9, 9, 9, 9, 9, 9, 9));
        assertEquals(2.5, chart.points().get(11).centreLine());
        assertFalse(chart.points().get(4).baseline());
        assertEquals(12, chart.lastPartRuns().usefulObservations());
        assertEquals(10, chart.lastPartRuns().longestRun());
        assertTrue(chart.runsSignal());
    }

    @Test
    void aSinglePointHasACentreLineButNoLimitsForAnIChart() {
        Chart chart = Qic.chart(ChartSpec.of(ChartType.I), counts(7));
        ChartPoint point = chart.lastPoint();
        assertEquals(7, point.centreLine());
        assertTrue(Double.isNaN(point.upperLimit()));
        assertEquals(0, chart.lastPartRuns().usefulObservations());
    }

    @Test
    void allMissingGivesMissingLinesAndNoSignals() {
        for (ChartType type : new ChartType[] {ChartType.RUN, ChartType.I, ChartType.MR, ChartType.C, ChartType.G, ChartType.T}) {
            Chart chart = Qic.chart(ChartSpec.of(type), counts(NA, NA, NA));
            assertTrue(chart.points().stream().allMatch(p -> Double.isNaN(p.value()) && Double.isNaN(p.centreLine())), type.name());
            assertFalse(chart.sigmaSignal() || chart.runsSignal(), type.name());
            assertEquals(0, chart.lastPartRuns().usefulObservations(), type.name());
        }
        Chart p = Qic.chart(ChartSpec.of(ChartType.P), List.of(Observation.of(NA, 10), Observation.missing()));
        assertTrue(Double.isNaN(p.lastPoint().centreLine()));
    }

    @Test
    void partsAreComputedSeparatelyAndNumberedFromOne() {
        Chart chart = Qic.chart(ChartSpec.of(ChartType.C).withParts(List.of(3)), counts(1, 2, 3, 10, 11, 12));
        assertEquals(2, chart.points().get(0).centreLine());
        assertEquals(11, chart.points().get(5).centreLine());
        assertEquals(List.of(1, 2), chart.runs().stream().map(RunsAnalysis::part).toList());
        assertEquals(2, chart.points().get(3).part());
    }

    @Test
    void partStartsAreSortedDeduplicatedAndOutOfRangeStartsIgnoredLikeMakeparts() {
        assertArrayEquals(new int[] {1, 1, 2, 2, 3}, Qic.partNumbers(List.of(4, 2, 2, 0, 9), 5));
    }

    @Test
    void multiplyScalesValuesCentreLineAndLimitsButNotDenominators() {
        List<Observation> falls = ratios(new double[] {9, 7, 12}, new double[] {2810, 2705, 2950});
        ChartPoint plain = Qic.chart(ChartSpec.of(ChartType.U), falls).lastPoint();
        ChartPoint perThousand = Qic.chart(ChartSpec.of(ChartType.U).withMultiply(1000), falls).lastPoint();
        assertEquals(plain.value() * 1000, perThousand.value());
        assertEquals(plain.centreLine() * 1000, perThousand.centreLine());
        assertEquals(plain.upperLimit() * 1000, perThousand.upperLimit());
        assertEquals(2950, perThousand.denominator());
    }

    @Test
    void aPointExactlyOnALimitIsNoSignal() {
        // CL = 4, UCL = 4 + 3 * 2 = 10.
        Chart chart = Qic.chart(ChartSpec.of(ChartType.C), counts(10, 2, 4, 2, 3, 3, 4, 4));
        assertEquals(10, chart.points().get(0).upperLimit());
        assertFalse(chart.sigmaSignal());
    }

    @Test
    void movingRangeChartsNeverGiveARunsSignal() {
        Chart chart = Qic.chart(ChartSpec.of(ChartType.MR), counts(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 50, 70, 90, 110, 130));
        RunsAnalysis runs = chart.lastPartRuns();
        assertTrue(runs.longestRun() > runs.longestRunLimit());
        assertFalse(runs.runsSignal());
        assertFalse(chart.runsSignal());
    }

    @Test
    void gChartRunsAreCountedAroundTheMedian() {
        Chart chart = Qic.chart(ChartSpec.of(ChartType.G), counts(0, 2, 10));
        assertEquals(2, chart.lastPoint().centreLine());
        assertEquals(2, chart.lastPartRuns().usefulObservations());  // the 2 lies on the median
    }
}
