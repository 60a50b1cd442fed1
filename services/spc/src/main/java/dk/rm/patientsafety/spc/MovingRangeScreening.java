package dk.rm.patientsafety.spc;

import java.util.Arrays;

/**
 * Nelson's screening: moving ranges at or above 3.267 × their mean are dropped once before the average moving
 * range is taken, so that one shift does not widen the limits.
 */
final class MovingRangeScreening {

    static final double UPPER_RANGE_FACTOR = 3.267;

    private MovingRangeScreening() {
    }

    /** Average of the screened moving ranges; NaN when none remain, e.g. when all ranges are 0. */
    static double screenedAverage(double[] movingRanges) {
        double limit = UPPER_RANGE_FACTOR * RStats.mean(movingRanges);
        // R keeps NA ranges through mr[mr < ulmr] and drops them in mean(na.rm = TRUE); both end as "not counted".
        double[] kept = Arrays.stream(movingRanges).filter(range -> range < limit).toArray();
        return RStats.mean(kept);
    }
}
