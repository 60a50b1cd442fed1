package dk.rm.patientsafety.spc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RStatsTest {

    private static final double NA = Double.NaN;

    @Test
    void meanIsRoundedOnceLikeRsLongDoubleMean() {
        // (0.1 + 0.2 + 0.3) / 3 is 0.20000000000000004 in doubles; R's mean() gives 0.2, so a point 0.2 ties.
        assertEquals(0.2, RStats.mean(new double[] {0.1, 0.2, 0.3}));
    }

    @Test
    void aMeanHalfwayBetweenTwoDoublesRoundsToEvenOnceLikeR() {
        // R 4.2.2: sprintf("%.17g", median(c(3/30, 4/35, 5/45, 6/50, 3/28, 4/33, 5/41, 2/25))) = 0.11269841269841269;
        // rounding the exact mean of 5/45 and 4/35 to 34 digits first gives 0.1126984126984127.
        double[] ratios = {3.0 / 30, 4.0 / 35, 5.0 / 45, 6.0 / 50, 3.0 / 28, 4.0 / 33, 5.0 / 41, 2.0 / 25};
        assertEquals(0.11269841269841269, RStats.median(ratios));
    }

    @Test
    void missingValuesAreRemoved() {
        assertEquals(2, RStats.mean(new double[] {1, NA, 3}));
        assertEquals(4, RStats.sum(new double[] {1, NA, 3}));
        assertEquals(3, RStats.median(new double[] {NA, 5, 1, 3}));
    }

    @Test
    void emptyInputBehavesLikeR() {
        assertTrue(Double.isNaN(RStats.mean(new double[] {NA})));
        assertTrue(Double.isNaN(RStats.median(new double[0])));
        assertEquals(0, RStats.sum(new double[] {NA}));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddlePair() {
        assertEquals(2.5, RStats.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void movingRangesDoNotBridgeMissingValues() {
        double[] ranges = RStats.absDiff(new double[] {1, 4, NA, 2, 1});
        assertArrayEquals(new double[] {3, NA, NA, 1}, ranges);
        assertEquals(0, RStats.absDiff(new double[] {1}).length);
    }
}
