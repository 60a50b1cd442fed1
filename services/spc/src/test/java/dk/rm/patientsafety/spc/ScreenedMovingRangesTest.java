package dk.rm.patientsafety.spc;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * qicharts2's {@code qic.screenedmr}: attached (the default) the moving ranges at or above 3.267 × their mean are
 * dropped before σ; unattached they all count. Values worked by hand from qicharts2 0.8.1's qic.i.
 */
class ScreenedMovingRangesTest {

    private static final double EPS = 1e-9;
    /** Moving ranges 1,1,1,1,19,19,1,1,1: mean 5; screened (below 16.335) 1. Mean of y 3.3. */
    private static final List<Observation> SPIKE = Arrays.stream(new double[]{1, 2, 1, 2, 1, 20, 1, 2, 1, 2})
            .mapToObj(Observation::count).toList();

    @Test
    void anIChartScreensItsMovingRangesUnlessToldNotTo() {
        ChartPoint screened = Qic.chart(ChartSpec.of(ChartType.I), SPIKE).points().get(0);
        ChartPoint unscreened = Qic.chart(ChartSpec.of(ChartType.I).withScreenedMovingRanges(false), SPIKE).points().get(0);
        assertEquals(3.3 + 3 * 1 / 1.128, screened.upperLimit(), EPS);
        assertEquals(3.3 + 3 * 5 / 1.128, unscreened.upperLimit(), EPS);
        assertEquals(3.3 - 3 * 5 / 1.128, unscreened.lowerLimit(), EPS);
    }

    @Test
    void laneysChartsFollowTheSwitchToo() {
        List<Observation> shares = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            shares.add(Observation.of(i == 10 ? 40 : 10 + i % 2, 100)); // one spike among twenty months
        }
        double screened = Qic.chart(ChartSpec.of(ChartType.P_PRIME), shares).points().get(0).upperLimit();
        double unscreened = Qic.chart(ChartSpec.of(ChartType.P_PRIME).withScreenedMovingRanges(false), shares).points().get(0).upperLimit();
        assertTrue(unscreened > screened, "the two large ranges around the spike widen the unscreened limits");
    }

    @Test
    void theSwitchIsKeptByTheOtherOptions() {
        ChartSpec spec = ChartSpec.of(ChartType.P_PRIME).withScreenedMovingRanges(false).withFreeze(4).withParts(List.of(6)).withMultiply(100);
        assertTrue(!spec.screenedMovingRanges());
        assertTrue(ChartSpec.of(ChartType.I).screenedMovingRanges());
    }
}
