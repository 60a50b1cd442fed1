package dk.rm.patientsafety.spc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand-checkable cases for each chart family; the qicharts2 reference test covers the combinations. */
class LimitsTest {

    private static final double EPS = 1e-12;

    @Nested
    class RunChart {
        @Test
        void medianOfTheBaselineAndNoLimits() {
            PartLimits limits = RunChartCentre.compute(Parts.frozen(3, 1, 9, 5, 100, 100));
            assertEquals(5, limits.centreLine());
            assertTrue(Double.isNaN(limits.lower()[0]) && Double.isNaN(limits.upper()[4]));
        }
    }

    @Nested
    class Count {
        @Test
        void meanPlusMinusThreeRootMeanWithLowerLimitClippedAtZero() {
            PartLimits limits = CountLimits.compute(Parts.values(2, 6, 4, 4));  // CL 4, sigma 2
            assertEquals(4, limits.centreLine());
            assertEquals(0, limits.lower()[0]);     // 4 - 6 < 0
            assertEquals(10, limits.upper()[0]);
        }

        @Test
        void lowerLimitAboveZeroIsKept() {
            assertEquals(16 - 12, CountLimits.compute(Parts.values(16, 16)).lower()[1]);
        }
    }

    @Nested
    class Rates {
        @Test
        void uCentreLineIsOneDivisionOfTheSums() {
            PartLimits limits = RateLimits.u(Parts.counts(new double[] {1, 5}, new double[] {2, 5}));
            assertEquals(6.0 / 7, limits.centreLine());
            assertEquals(6.0 / 7 + 3 * Math.sqrt(6.0 / 7 / 2), limits.upper()[0], EPS);
            assertEquals(0, limits.lower()[0]);
        }

        @Test
        void pUpperLimitIsClippedAtOne() {
            PartLimits limits = RateLimits.p(Parts.counts(new double[] {4, 5}, new double[] {5, 5}));  // CL 0.9
            assertEquals(0.9, limits.centreLine(), EPS);
            assertEquals(1, limits.upper()[0]);
            assertEquals(0.9 - 3 * Math.sqrt(0.9 * 0.1 / 5), limits.lower()[0], EPS);
        }

        @Test
        void zeroDenominatorGivesInfiniteLimitsThatQicLaterRemoves() {
            PartLimits limits = RateLimits.u(Parts.counts(new double[] {3, 0}, new double[] {4, 0}));
            assertEquals(Double.POSITIVE_INFINITY, limits.upper()[1]);
            assertEquals(Double.NEGATIVE_INFINITY, limits.lower()[1]);  // not clipped: is.finite() fails in R too
        }
    }

    @Nested
    class Laney {
        @Test
        void sigmaZIsTheAverageMovingRangeOfZOver1128() {
            // CL = 0.5, n = 100: sigma = 0.05; z = 0, 2, 0, -2 -> moving ranges 2, 2, 2 -> sigma_z = 2 / 1.128.
            PartData data = Parts.counts(new double[] {50, 60, 50, 40}, new double[] {100, 100, 100, 100});
            double sigmaZ = LaneyAdjustment.sigmaZ(data, 0.5, RateLimits.proportionSigmas(data, 0.5));
            assertEquals(2 / 1.128, sigmaZ, EPS);
            PartLimits limits = LaneyAdjustment.pPrime(data);
            assertEquals(0.5 + 3 * 0.05 * sigmaZ, limits.upper()[0], EPS);
        }
    }

    @Nested
    class Individuals {
        @Test
        void meanPlusMinusThreeAverageMovingRangesOver1128() {
            PartLimits limits = IndividualsLimits.compute(Parts.values(1, 2, 3));  // MR 1, 1
            assertEquals(2, limits.centreLine());
            assertEquals(2 + 3 / 1.128, limits.upper()[0], EPS);
            assertEquals(2 - 3 / 1.128, limits.lower()[2], EPS);
        }

        @Test
        void allEqualValuesLeaveNoRangeAfterScreeningSoNoLimits() {
            PartLimits limits = IndividualsLimits.compute(Parts.values(3.5, 3.5, 3.5));
            assertTrue(Double.isNaN(limits.upper()[0]));
        }
    }

    @Nested
    class Screening {
        @Test
        void rangesAtOrAbove3267TimesTheirMeanAreDroppedOnce() {
            // Mean 36 / 10 = 3.6, limit 11.76: the range 27 is dropped, the rest average 1.
            double[] ranges = {1, 1, 1, 1, 1, 1, 1, 1, 1, 27};
            assertEquals(1, MovingRangeScreening.screenedAverage(ranges), EPS);
        }

        @Test
        void missingRangesAreIgnored() {
            assertEquals(2, MovingRangeScreening.screenedAverage(new double[] {Double.NaN, 2, 2}), EPS);
        }
    }

    @Nested
    class MovingRange {
        @Test
        void rangesOfConsecutivePointsWithUnscreenedMean() {
            PartLimits limits = MovingRangeLimits.compute(Parts.values(1, 3, 2, 12));
            assertArrayEquals(new double[] {Double.NaN, 2, 1, 10}, limits.y());
            assertEquals(13.0 / 3, limits.centreLine(), EPS);
            assertEquals(3.267 * 13 / 3, limits.upper()[1], EPS);
            assertEquals(0, limits.lower()[1]);
        }
    }

    @Nested
    class G {
        @Test
        void limitsFromTheMeanCentreLineFromTheMedian() {
            PartLimits limits = GLimits.compute(Parts.values(0, 2, 10));  // mean 4, median 2
            assertEquals(2, limits.centreLine());
            assertEquals(4 + 3 * Math.sqrt(20), limits.upper()[0], EPS);
            assertEquals(0, limits.lower()[0]);
        }
    }

    @Nested
    class T {
        @Test
        void transformedIChartBackTransformed() {
            double[] times = {1, 100, 1, 100};
            PartLimits limits = TTransform.compute(Parts.values(times));
            double[] t = new double[times.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = Math.pow(times[i], 1 / 3.6);
            }
            double centre = RStats.mean(t);
            assertEquals(Math.pow(centre, 3.6), limits.centreLine(), 1e-9);
            assertEquals(0, limits.lower()[0]);  // negative in transformed units -> NaN after ^3.6 -> 0
            assertEquals(100, limits.y()[1], 1e-9);
        }

        @Test
        void equalTimesGiveLowerLimitZeroAndNoUpperLimit() {
            PartLimits limits = TTransform.compute(Parts.values(4, 4, 4));
            assertEquals(0, limits.lower()[0]);
            assertTrue(Double.isNaN(limits.upper()[0]));
        }
    }
}
