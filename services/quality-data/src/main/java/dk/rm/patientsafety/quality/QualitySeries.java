package dk.rm.patientsafety.quality;

import dk.rm.patientsafety.events.QualityIndicatorObservation;

/**
 * What a quality result says beyond its figures: the series it belongs to, named as the series API names it
 * ({@code indicator:RKKP-DAHTA:1a:1:1309011000000}), and whether it met its standard.
 */
public final class QualitySeries {

    private QualitySeries() {
    }

    public static String id(QualityIndicatorObservation observation) {
        return String.join(":", "indicator", pathSafe(observation.getSource()), pathSafe(observation.getIndicatorId()),
                pathSafe(observation.getIndicatorVersion()), pathSafe(observation.getUnitSorCode()));
    }

    /**
     * Met as its source says; where the source is silent, when its value is at or above the target (higher is better)
     * or at or below it (lower is better). Without a target, a direction or a value: unknown (null).
     */
    public static Boolean standardMet(QualityIndicatorObservation result) {
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

    /** Sources such as 'RKKP/DAHTA' hold characters a path segment cannot. */
    private static String pathSafe(String part) {
        return part.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
