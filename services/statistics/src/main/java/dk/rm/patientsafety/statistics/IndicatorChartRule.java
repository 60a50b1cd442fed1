package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.QualityIndicatorObservation;
import dk.rm.patientsafety.spc.ChartSpec;
import dk.rm.patientsafety.spc.ChartType;
import dk.rm.patientsafety.spc.Observation;

import java.util.List;

/**
 * Proportions with numerator and denominator on a P chart (P′ once the mean denominator reaches the Laney
 * threshold), counts on a C chart, rates with a denominator on a U chart, the times of single cases on a T chart (an I
 * chart while one of them is 0), everything else as measurements on an I chart.
 */
public final class IndicatorChartRule {

    /** Above a few thousand cases per period, P limits hug the centre line and flag everything (over-dispersion). */
    public static final double DEFAULT_LANEY_THRESHOLD = 1000;

    private final double laneyThreshold;

    public IndicatorChartRule(double laneyThreshold) {
        this.laneyThreshold = laneyThreshold;
    }

    public ChartSpec chartFor(List<QualityIndicatorObservation> series) {
        if (series.get(series.size() - 1).getCaseId() != null) {
            // qicharts2's T chart takes times above 0 only; a same-day case would make the chart undrawable.
            return ChartSpec.of(series.stream().allMatch(o -> o.getValue() != null && o.getValue() > 0) ? ChartType.T : ChartType.I);
        }
        return switch (series.get(series.size() - 1).getKind()) {
            case PROPORTION -> allHaveFractions(series) ? ChartSpec.of(largeDenominators(series) ? ChartType.P_PRIME : ChartType.P)
                    : ChartSpec.of(ChartType.I);
            case RATE -> allHaveFractions(series) ? ChartSpec.of(largeDenominators(series) ? ChartType.U_PRIME : ChartType.U)
                    : ChartSpec.of(ChartType.I);
            case COUNT -> ChartSpec.of(ChartType.C);
            case MEASUREMENT, UNKNOWN -> ChartSpec.of(ChartType.I);
        };
    }

    /** Suppressed results are missing points, not zeros: the source withheld them. */
    public static Observation observation(ChartType chart, QualityIndicatorObservation result) {
        if (result.getSuppressed()) {
            return switch (chart) {
                case P, P_PRIME, U, U_PRIME -> Observation.of(Double.NaN, Double.NaN);
                default -> Observation.count(Double.NaN);
            };
        }
        return switch (chart) {
            case P, P_PRIME, U, U_PRIME -> Observation.of(result.getNumerator(), result.getDenominator());
            case C -> Observation.count(result.getNumerator() != null ? result.getNumerator() : valueOrMissing(result));
            default -> Observation.count(valueOrMissing(result));
        };
    }

    private static double valueOrMissing(QualityIndicatorObservation result) {
        return result.getValue() == null ? Double.NaN : result.getValue();
    }

    private static boolean allHaveFractions(List<QualityIndicatorObservation> series) {
        return series.stream().allMatch(o -> o.getSuppressed() || (o.getNumerator() != null && o.getDenominator() != null));
    }

    private boolean largeDenominators(List<QualityIndicatorObservation> series) {
        return series.stream().filter(o -> o.getDenominator() != null).mapToLong(QualityIndicatorObservation::getDenominator)
                .average().orElse(0) >= laneyThreshold;
    }
}
