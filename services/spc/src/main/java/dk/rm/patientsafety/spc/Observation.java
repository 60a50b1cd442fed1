package dk.rm.patientsafety.spc;

/**
 * One subgroup of a series: a value and, for rates and proportions, its denominator.
 * {@code Double.NaN} plays the role of R's {@code NA}: a NaN value is a missing subgroup,
 * a NaN denominator means "no denominator".
 */
public record Observation(double value, double denominator) {

    /** A count or measurement without a denominator. */
    public static Observation count(double value) {
        return new Observation(value, Double.NaN);
    }

    /** A numerator with its denominator, e.g. incidents and bed-days. */
    public static Observation of(double value, double denominator) {
        return new Observation(value, denominator);
    }

    /** A missing subgroup (R's {@code NA}); it keeps its place on the x axis. */
    public static Observation missing() {
        return new Observation(Double.NaN, Double.NaN);
    }

    public boolean hasValue() {
        return !Double.isNaN(value);
    }

    public boolean hasDenominator() {
        return !Double.isNaN(denominator);
    }
}
