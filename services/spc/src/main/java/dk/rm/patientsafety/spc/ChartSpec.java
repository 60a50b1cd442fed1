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
 */
public record ChartSpec(ChartType type, int freeze, List<Integer> partStarts, double multiply) {

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

    /** The plain chart: no freeze, one phase, multiply 1. */
    public static ChartSpec of(ChartType type) {
        return new ChartSpec(type, 0, List.of(), 1);
    }

    public ChartSpec withFreeze(int baselinePoints) {
        return new ChartSpec(type, baselinePoints, partStarts, multiply);
    }

    public ChartSpec withParts(List<Integer> zeroBasedStartIndicesOfPhasesAfterTheFirst) {
        return new ChartSpec(type, freeze, zeroBasedStartIndicesOfPhasesAfterTheFirst, multiply);
    }

    public ChartSpec withMultiply(double factor) {
        return new ChartSpec(type, freeze, partStarts, factor);
    }
}
