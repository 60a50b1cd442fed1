package dk.rm.patientsafety.spc;

/**
 * One phase of a series as qicharts2 aggregates it: {@code y} is y or y / n, {@code ySum} the raw numerator,
 * {@code n} the denominator (0 where missing, NaN without denominators), {@code base} the points limits come from.
 */
record PartData(double[] y, double[] ySum, double[] n, boolean[] base) {

    int size() {
        return y.length;
    }

    double[] baseY() {
        return RStats.select(y, base);
    }

    /** A copy with other plotted values, for charts that transform y before computing limits. */
    PartData withY(double[] newY) {
        return new PartData(newY, ySum, n, base);
    }
}
