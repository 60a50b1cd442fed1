package dk.rm.patientsafety.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnhojRulesTest {

    private static final double NA = Double.NaN;

    @Test
    void limitsForTenAndTwentyUsefulPoints() {
        assertEquals(6, AnhojRules.longestRunLimit(10));   // round(3.32) + 3
        assertEquals(2, AnhojRules.crossingsLimit(10));    // qbinom(0.05, 9, 0.5)
        assertEquals(7, AnhojRules.longestRunLimit(20));   // round(4.32) + 3
        assertEquals(6, AnhojRules.crossingsLimit(20));    // qbinom(0.05, 19, 0.5)
        assertEquals(3, AnhojRules.longestRunLimit(1));
        assertEquals(0, AnhojRules.crossingsLimit(1));
    }

    @Test
    void limitsEqualRForOneToTwoThousandUsefulPoints() throws IOException {
        List<String> lines = resourceLines("/qicharts2/anhoj-limits.csv");
        assertEquals(2001, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int n = Integer.parseInt(f[0]);
            assertEquals(Integer.parseInt(f[1]), AnhojRules.longestRunLimit(n), "longest.run.max for n=" + n);
            assertEquals(Integer.parseInt(f[2]), AnhojRules.crossingsLimit(n), "n.crossings.min for n=" + n);
        }
    }

    @Test
    void pointsOnTheCentreLineAndMissingPointsAreDropped() {
        // Signs -, 0, +, NA, +, 0, - : useful - + + -  -> runs 3, longest 2, crossings 2.
        RunsAnalysis runs = AnhojRules.analyse(1, new double[] {1, 5, 7, NA, 8, 5, 2}, 5);
        assertEquals(4, runs.usefulObservations());
        assertEquals(2, runs.longestRun());
        assertEquals(2, runs.crossings());
        assertEquals(5, runs.longestRunLimit());   // round(log2(4)) + 3
        assertEquals(0, runs.crossingsLimit());    // qbinom(0.05, 3, 0.5)
        assertFalse(runs.runsSignal());
    }

    @Test
    void everyPointOnTheCentreLineMeansNoAnalysis() {
        RunsAnalysis runs = AnhojRules.analyse(1, new double[] {3, 3, 3, 3}, 3);
        assertEquals(new RunsAnalysis(1, 0, 0, 0, 0, 0, false), runs);
        assertFalse(runs.analysed());
        assertFalse(runs.longRunSignal());
        assertFalse(runs.fewCrossingsSignal());
    }

    @Test
    void aMissingCentreLineMeansNoAnalysis() {
        assertEquals(0, AnhojRules.analyse(2, new double[] {1, 2}, NA).usefulObservations());
    }

    @Test
    void aRunOfSevenAmongTwentyIsAllowedButEightSignals() {
        double[] seven = sides("LLLLLLLHLHLHHHHHHHLH");
        double[] eight = sides("HHLLLLLLLLHHLHHHHLHH");
        assertFalse(AnhojRules.analyse(1, seven, 0).runsSignal());
        RunsAnalysis signal = AnhojRules.analyse(1, eight, 0);
        assertTrue(signal.runsSignal());
        assertTrue(signal.longRunSignal());
        assertFalse(signal.fewCrossingsSignal());
    }

    @Test
    void sixCrossingsAmongTwentyAreEnoughButFiveSignal() {
        assertFalse(AnhojRules.analyse(1, sides("LLLHHHLLLHHHHLLHHHLL"), 0).runsSignal());
        RunsAnalysis signal = AnhojRules.analyse(1, sides("LLLLHHHLLLHHHHLLLHHH"), 0);
        assertEquals(5, signal.crossings());
        assertTrue(signal.fewCrossingsSignal());
        assertFalse(signal.longRunSignal());
    }

    @Test
    void aSinglePointCannotSignal() {
        RunsAnalysis runs = AnhojRules.analyse(1, new double[] {4}, 3);
        assertEquals(new RunsAnalysis(1, 1, 1, 3, 0, 0, false), runs);
    }

    private static double[] sides(String pattern) {
        return pattern.chars().mapToDouble(c -> c == 'L' ? -1 : 1).toArray();
    }

    static List<String> resourceLines(String name) throws IOException {
        try (InputStream in = AnhojRulesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
        }
    }
}
