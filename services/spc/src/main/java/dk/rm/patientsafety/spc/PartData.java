package dk.rm.patientsafety.spc;

/**
 * One phase of a series as qicharts2 aggregates it: {@code y} is y or y / n, {@code ySum} the raw numerator,
 * {@code n} the denominator (0 where missing, NaN without denominators), {@code base} the points limits come from,
 * {@code screened} whether the moving ranges behind σ are screened ({@link ChartSpec#screenedMovingRanges()}).
 */
record PartData(double[] y, double[] ySum, double[] n, boolean[] base, boolean screened) {

    int size() {
        return y.length;
    }

    /** The average moving range σ is taken from, screened or not as the chart asks. */
    double averageMovingRange(double[] movingRanges) {
        return screened ? MovingRangeScreening.screenedAverage(movingRanges) : RStats.mean(movingRanges);
    }

    double[] baseY() {
        return RStats.select(y, base);
    }

    /** A copy with other plotted values, for charts that transform y before computing limits. */
    PartData withY(double[] newY) {
        return new PartData(newY, ySum, n, base, screened);
    }
}
