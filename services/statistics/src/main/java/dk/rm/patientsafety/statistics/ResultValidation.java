package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.IndicatorKind;
import dk.rm.patientsafety.events.QualityIndicatorObservation;
import dk.rm.patientsafety.events.UnitActivity;

import java.util.Optional;

/** Figures a chart cannot use are refused at the door, with the rule they break, instead of skewing a series. */
final class ResultValidation {

    private ResultValidation() {
    }

    static Optional<String> activityProblem(UnitActivity activity) {
        if (activity.getPeriodEnd().isBefore(activity.getPeriodStart())) {
            return Optional.of("periodEnd is before periodStart");
        }
        if (activity.getBedDays() != null && activity.getBedDays() < 0) {
            return Optional.of("bedDays is negative");
        }
        if (activity.getAdmissions() != null && activity.getAdmissions() < 0) {
            return Optional.of("admissions is negative");
        }
        return Optional.empty();
    }

    static Optional<String> indicatorProblem(QualityIndicatorObservation result) {
        if (result.getPeriodEnd().isBefore(result.getPeriodStart())) {
            return Optional.of("periodEnd is before periodStart");
        }
        Long numerator = result.getNumerator();
        Long denominator = result.getDenominator();
        if ((numerator != null && numerator < 0) || (denominator != null && denominator < 0)) {
            return Optional.of("numerator or denominator is negative");
        }
        if (result.getKind() == IndicatorKind.PROPORTION && numerator != null && denominator != null
                && numerator > denominator) {
            return Optional.of("numerator exceeds denominator of a proportion");
        }
        if (numerator != null && numerator > 0 && denominator != null && denominator == 0) {
            return Optional.of("events with a denominator of 0");
        }
        if (!result.getSuppressed() && numerator == null && result.getValue() == null) {
            return Optional.of("neither numerator nor value given for an unsuppressed result");
        }
        if (result.getCaseId() != null && (result.getValue() == null || result.getValue() < 0 || result.getSuppressed())) {
            return Optional.of("a single case needs its time (a value of at least 0) and cannot be suppressed");
        }
        if (result.getValue() != null && !Double.isFinite(result.getValue())) {
            return Optional.of("value is not a finite number");
        }
        return Optional.empty();
    }
}
