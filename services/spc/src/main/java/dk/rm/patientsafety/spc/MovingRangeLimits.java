package dk.rm.patientsafety.spc;

/** MR chart: the points are |yᵢ − yᵢ₋₁|, CL = their mean (unscreened), LCL = 0, UCL = 3.267 × CL. */
final class MovingRangeLimits {

    private MovingRangeLimits() {
    }

    static PartLimits compute(PartData data) {
        double[] ranges = new double[data.size()];
        ranges[0] = Double.NaN;
        System.arraycopy(RStats.absDiff(data.y()), 0, ranges, 1, ranges.length - 1);
        double centre = RStats.mean(RStats.select(ranges, data.base()));
        return PartLimits.constant(ranges, centre, 0, MovingRangeScreening.UPPER_RANGE_FACTOR * centre);
    }
}
