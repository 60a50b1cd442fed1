package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.QualityIndicatorObservation;

/**
 * A result meets its standard as its source says; where the source is silent, when its value is at or above the
 * target (higher is better) or at or below it (lower is better). Without a target, a direction or a value: unknown.
 */
final class StandardRule {

    private StandardRule() {
    }

    static Boolean met(QualityIndicatorObservation result) {
        if (result.getStandardMet() != null) {
            return result.getStandardMet();
        }
        Double value = value(result);
        if (result.getSuppressed() || result.getTarget() == null || value == null) {
            return null;
        }
        return switch (result.getDirection()) {
            case HIGHER_IS_BETTER -> value >= result.getTarget();
            case LOWER_IS_BETTER -> value <= result.getTarget();
            case UNKNOWN -> null;
        };
    }

    /** The stated value, or the proportion or rate the numerator and denominator give. */
    private static Double value(QualityIndicatorObservation result) {
        if (result.getValue() != null) {
            return result.getValue();
        }
        if (result.getNumerator() != null && result.getDenominator() != null && result.getDenominator() > 0) {
            return (double) result.getNumerator() / result.getDenominator();
        }
        return null;
    }
}
