package dk.rm.patientsafety.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BinomialQuantileTest {

    @Test
    void knownValuesFromR() {
        // qbinom(c(0.05, 0.5, 0, 1), 10, 0.5) in R 4.2.2: 2 5 0 10
        assertEquals(2, BinomialQuantile.qbinomHalf(0.05, 10));
        assertEquals(5, BinomialQuantile.qbinomHalf(0.5, 10));
        assertEquals(0, BinomialQuantile.qbinomHalf(0, 10));
        assertEquals(10, BinomialQuantile.qbinomHalf(1, 10));
        assertEquals(0, BinomialQuantile.qbinomHalf(0.05, 0));
        assertEquals(6, BinomialQuantile.qbinomHalf(0.05, 19));
    }

    @Test
    void smallestXWhoseCumulativeProbabilityReachesP() {
        // Binomial(4, 1/2): P(X <= 0) = 1/16, P(X <= 1) = 5/16.
        assertEquals(0, BinomialQuantile.qbinomHalf(1.0 / 16, 4));
        assertEquals(1, BinomialQuantile.qbinomHalf(0.0625000001, 4));
        assertEquals(1, BinomialQuantile.qbinomHalf(5.0 / 16, 4));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> BinomialQuantile.qbinomHalf(-0.1, 3));
        assertThrows(IllegalArgumentException.class, () -> BinomialQuantile.qbinomHalf(Double.NaN, 3));
        assertThrows(IllegalArgumentException.class, () -> BinomialQuantile.qbinomHalf(0.5, -1));
    }
}
