package dk.rm.patientsafety.spc;

import java.util.Arrays;

/**
 * Anhøj rules: ignoring points on the centre line, a run longer than round(log2(n)) + 3 or fewer crossings than
 * the 5th percentile of Binomial(n − 1, ½) signals non-random variation.
 */
public final class AnhojRules {

    private AnhojRules() {
    }

    /** Schilling's longest-run limit, with R's round-half-even. */
    public static int longestRunLimit(int usefulObservations) {
        return (int) Math.rint(Math.log(usefulObservations) / Math.log(2)) + 3;
    }

    /** Chen's crossings limit. */
    public static int crossingsLimit(int usefulObservations) {
        return BinomialQuantile.qbinomHalf(0.05, Math.max(usefulObservations - 1, 0));
    }

    /** Runs analysis of the plotted values against the centre line of their phase. */
    public static RunsAnalysis analyse(int part, double[] values, double centreLine) {
        int[] sides = usefulSides(values, centreLine);
        int useful = sides.length;
        if (useful == 0) {
            return new RunsAnalysis(part, 0, 0, 0, 0, 0, false);
        }
        int runs = 1;
        int longest = 1;
        int current = 1;
        for (int i = 1; i < useful; i++) {
            if (sides[i] == sides[i - 1]) {
                current++;
            } else {
                runs++;
                current = 1;
            }
            longest = Math.max(longest, current);
        }
        int crossings = runs - 1;
        int runLimit = longestRunLimit(useful);
        int crossingLimit = crossingsLimit(useful);
        boolean signal = longest > runLimit || crossings < crossingLimit;
        return new RunsAnalysis(part, useful, longest, runLimit, crossings, crossingLimit, signal);
    }

    /** Points on the centre line tell nothing about which side the process is on, so they are dropped. */
    private static int[] usefulSides(double[] values, double centreLine) {
        return Arrays.stream(values)
                .map(v -> Math.signum(v - centreLine))
                .filter(side -> !Double.isNaN(side) && side != 0)
                .mapToInt(side -> (int) side)
                .toArray();
    }
}
