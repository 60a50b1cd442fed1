package dk.rm.patientsafety.spc;

import java.util.List;
import java.util.Objects;

/**
 * What to draw: the chart type and qicharts2's {@code freeze}, {@code part} and {@code multiply} options.
 *
 * @param type       the chart
 * @param freeze     number of baseline points the centre line and limits are computed from; 0 = all points
 * @param partStarts zero-based indices where a new phase starts (qicharts2's {@code part}); empty = one phase
 * @param multiply   factor applied to plotted values, centre line and limits, e.g. 1000 for a rate per 1000 bed-days
 * @param screenedMovingRanges qicharts2's {@code qic.screenedmr}: drop moving ranges at or above 3.267 × their mean
 *                   before the average that gives σ of I, T, P′ and U′ charts. qicharts2 0.8.1 sets it when attached
 *                   ({@code library(qicharts2)}, the default here) and reads it as false when called unattached
 *                   ({@code qicharts2::qic(...)})
 */
public record ChartSpec(ChartType type, int freeze, List<Integer> partStarts, double multiply, boolean screenedMovingRanges) {

    public ChartSpec {
        Objects.requireNonNull(type, "type");
        if (freeze < 0) {
            throw new IllegalArgumentException("freeze must be 0 (none) or a positive number of baseline points, was " + freeze);
        }
        partStarts = List.copyOf(Objects.requireNonNull(partStarts, "partStarts"));
        for (int start : partStarts) {
            if (start < 0) {
                throw new IllegalArgumentException("part start indices must be >= 0, was " + start);
            }
        }
        if (!Double.isFinite(multiply) || multiply <= 0) {
            throw new IllegalArgumentException("multiply must be a positive finite number, was " + multiply);
        }
    }

    public ChartSpec(ChartType type, int freeze, List<Integer> partStarts, double multiply) {
        this(type, freeze, partStarts, multiply, true);
    }

    /** The plain chart: no freeze, one phase, multiply 1, moving ranges screened. */
    public static ChartSpec of(ChartType type) {
        return new ChartSpec(type, 0, List.of(), 1, true);
    }

    public ChartSpec withFreeze(int baselinePoints) {
        return new ChartSpec(type, baselinePoints, partStarts, multiply, screenedMovingRanges);
    }

    public ChartSpec withParts(List<Integer> zeroBasedStartIndicesOfPhasesAfterTheFirst) {
        return new ChartSpec(type, freeze, zeroBasedStartIndicesOfPhasesAfterTheFirst, multiply, screenedMovingRanges);
    }

    public ChartSpec withMultiply(double factor) {
        return new ChartSpec(type, freeze, partStarts, factor, screenedMovingRanges);
    }

    /** {@code false} matches qicharts2 called unattached, {@code options(qic.screenedmr = FALSE)}. */
    public ChartSpec withScreenedMovingRanges(boolean screened) {
        return new ChartSpec(type, freeze, partStarts, multiply, screened);
    }
}
