package dk.rm.patientsafety.spc;

/**
 * One plotted point, as a row of {@code qic(..., return.data = TRUE)}. NaN stands for R's {@code NA}.
 *
 * @param index       zero-based position in the observations
 * @param value       the plotted y: y, y / n, a moving range or a count, times {@code multiply}
 * @param denominator qicharts2's n: the denominator, 0 where value or denominator was missing, NaN for series without denominators
 * @param centreLine  centre line of the point's phase (median for run and G charts)
 * @param lowerLimit  lower 3-sigma limit; NaN for run charts and where it cannot be computed
 * @param upperLimit  upper 3-sigma limit; NaN for run charts and where it cannot be computed
 * @param sigmaSignal the point lies strictly outside the limits
 * @param baseline    the point belongs to the frozen baseline (all points when nothing is frozen)
 * @param part        one-based phase number, as qicharts2's {@code part}
 */
public record ChartPoint(int index, double value, double denominator, double centreLine, double lowerLimit,
                         double upperLimit, boolean sigmaSignal, boolean baseline, int part) {
}
