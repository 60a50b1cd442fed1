package dk.rm.patientsafety.spc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * R's {@code sum}, {@code mean} and {@code median} with {@code na.rm = TRUE}, rounded once like R's long-double sums,
 * so that a point equal to a mean or a ratio ties exactly as it does in qicharts2.
 */
final class RStats {

    private static final MathContext QUOTIENT_PRECISION = new MathContext(80);

    private RStats() {
    }

    /** Sum of the non-NaN values; 0 when there are none, as {@code sum(numeric(0))}. */
    static double sum(double[] values) {
        return nearestDouble(exactSum(values));
    }

    /** Mean of the non-NaN values; NaN when there are none, as {@code mean(numeric(0))}. */
    static double mean(double[] values) {
        long count = Arrays.stream(values).filter(v -> !Double.isNaN(v)).count();
        if (count == 0) {
            return Double.NaN;
        }
        return nearestDouble(quotient(exactSum(values), count));
    }

    /** Exact when the quotient terminates, so a mean halfway between two doubles is not rounded twice. */
    private static BigDecimal quotient(BigDecimal sum, long count) {
        try {
            return sum.divide(BigDecimal.valueOf(count));
        } catch (ArithmeticException nonTerminating) {
            return sum.divide(BigDecimal.valueOf(count), QUOTIENT_PRECISION);
        }
    }

    /** Round to nearest, ties to even, as R's conversion of its long-double result; BigDecimal.doubleValue() is not always correctly rounded before Java 19. */
    static double nearestDouble(BigDecimal exact) {
        double candidate = exact.doubleValue();
        if (!Double.isFinite(candidate)) {
            return candidate;
        }
        double best = candidate;
        BigDecimal bestError = distance(exact, candidate);
        for (double neighbour : new double[] {Math.nextDown(candidate), Math.nextUp(candidate)}) {
            BigDecimal error = distance(exact, neighbour);
            int comparison = error.compareTo(bestError);
            if (comparison < 0 || comparison == 0 && isEven(neighbour) && !isEven(best)) {
                best = neighbour;
                bestError = error;
            }
        }
        return best;
    }

    private static BigDecimal distance(BigDecimal exact, double value) {
        return exact.subtract(new BigDecimal(value)).abs();
    }

    private static boolean isEven(double value) {
        return (Double.doubleToRawLongBits(value) & 1L) == 0;
    }

    /** Median of the non-NaN values; NaN (R's NA) when there are none. */
    static double median(double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        int half = n / 2;
        return n % 2 == 1 ? sorted[half] : mean(new double[] {sorted[half - 1], sorted[half]});
    }

    /** {@code abs(diff(values))}: a NaN neighbour gives a NaN range, R does not bridge gaps. */
    static double[] absDiff(double[] values) {
        if (values.length < 2) {
            return new double[0];
        }
        double[] ranges = new double[values.length - 1];
        for (int i = 1; i < values.length; i++) {
            ranges[i - 1] = Math.abs(values[i] - values[i - 1]);
        }
        return ranges;
    }

    static double[] select(double[] values, boolean[] keep) {
        double[] selected = new double[count(keep)];
        int next = 0;
        for (int i = 0; i < values.length; i++) {
            if (keep[i]) {
                selected[next++] = values[i];
            }
        }
        return selected;
    }

    static double[] filled(int length, double value) {
        double[] filled = new double[length];
        Arrays.fill(filled, value);
        return filled;
    }

    private static int count(boolean[] flags) {
        int count = 0;
        for (boolean flag : flags) {
            count += flag ? 1 : 0;
        }
        return count;
    }

    private static BigDecimal exactSum(double[] values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                sum = sum.add(new BigDecimal(value));
            }
        }
        return sum;
    }
}
