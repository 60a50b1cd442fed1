package dk.rm.patientsafety.spc;

import java.util.List;

/** Rejects series that qicharts2 would chart silently but wrongly, such as events with zero exposure. */
final class InputValidation {

    private InputValidation() {
    }

    /** Whether the series is charted as y / n; checks every observation on the way. */
    static boolean validate(ChartSpec spec, List<Observation> observations) {
        if (observations == null || observations.isEmpty()) {
            throw new IllegalArgumentException("A chart needs at least one observation");
        }
        if (spec.freeze() > 0 && !spec.partStarts().isEmpty()) {
            throw new IllegalArgumentException("freeze and parts cannot be combined (qicharts2 silently ignores freeze when parts are given)");
        }
        for (int i = 0; i < observations.size(); i++) {
            if (observations.get(i) == null) {
                throw new IllegalArgumentException("observation " + i + " is null; use Observation.missing()");
            }
        }
        boolean hasDenominators = observations.stream().anyMatch(Observation::hasDenominator);
        checkDenominatorUse(spec.type(), hasDenominators);
        for (int i = 0; i < observations.size(); i++) {
            checkObservation(spec.type(), hasDenominators, i, observations.get(i));
        }
        return hasDenominators;
    }

    private static void checkDenominatorUse(ChartType type, boolean hasDenominators) {
        if (type.denominators() == ChartType.Denominators.NONE && hasDenominators) {
            throw new IllegalArgumentException(type + " chart takes values without denominators; use Observation.count(value)");
        }
        if (type.denominators() == ChartType.Denominators.REQUIRED && !hasDenominators) {
            throw new IllegalArgumentException(type + " chart needs denominators; use Observation.of(value, denominator)");
        }
    }

    private static void checkObservation(ChartType type, boolean hasDenominators, int i, Observation o) {
        double y = o.value();
        double n = o.denominator();
        if (Double.isInfinite(y) || Double.isInfinite(n)) {
            throw invalid(i, o, "values and denominators must be finite (NaN = missing)");
        }
        if (n < 0) {
            throw invalid(i, o, "denominator must not be negative");
        }
        if (n == 0 && y != 0 && o.hasValue()) {
            throw invalid(i, o, "events with a zero denominator cannot be a rate (qicharts2 would plot Inf)");
        }
        if (isCount(type) && y < 0) {
            throw invalid(i, o, type + " chart needs counts >= 0");
        }
        if ((type == ChartType.P || type == ChartType.P_PRIME) && y > n) {
            throw invalid(i, o, "a proportion needs value <= denominator");
        }
        if (type == ChartType.T && y <= 0) {
            throw invalid(i, o, "time between events must be greater than zero");
        }
    }

    private static boolean isCount(ChartType type) {
        return switch (type) {
            case C, U, P, P_PRIME, U_PRIME, G -> true;
            case RUN, I, MR, T -> false;
        };
    }

    private static IllegalArgumentException invalid(int index, Observation o, String reason) {
        return new IllegalArgumentException("observation " + index + " " + o + ": " + reason);
    }
}
