package dk.rm.patientsafety.spc;

import java.math.BigDecimal;
import java.math.BigInteger;

/** R's {@code qbinom(p, size, 0.5)}: the smallest x with P(X ≤ x) ≥ p for X ~ Binomial(size, ½). */
public final class BinomialQuantile {

    private BinomialQuantile() {
    }

    /**
     * Computed in exact integer arithmetic, since P(X ≤ x) = Σ C(size, i) / 2^size; R's floating-point search
     * agrees for every size that was checked against it (see the unit test).
     */
    public static int qbinomHalf(double p, int size) {
        if (!(p >= 0 && p <= 1) || size < 0) {
            throw new IllegalArgumentException("need 0 <= p <= 1 and size >= 0, got p=" + p + ", size=" + size);
        }
        BigDecimal exactP = new BigDecimal(p);
        BigInteger numerator = exactP.unscaledValue();
        BigInteger denominator = BigInteger.TEN.pow(Math.max(exactP.scale(), 0));
        if (exactP.scale() < 0) {
            numerator = numerator.multiply(BigInteger.TEN.pow(-exactP.scale()));
        }
        BigInteger target = numerator.shiftLeft(size);
        BigInteger binomial = BigInteger.ONE;
        BigInteger cumulative = BigInteger.ZERO;
        for (int x = 0; x < size; x++) {
            cumulative = cumulative.add(binomial);
            if (cumulative.multiply(denominator).compareTo(target) >= 0) {
                return x;
            }
            binomial = binomial.multiply(BigInteger.valueOf(size - x)).divide(BigInteger.valueOf(x + 1));
        }
        return size;
    }
}
