package dk.rm.patientsafety.spc;

import java.util.Arrays;

/** Small PartData builders for the rule-class tests. */
final class Parts {

    private Parts() {
    }

    static PartData values(double... y) {
        return new PartData(y, y.clone(), RStats.filled(y.length, Double.NaN), allBase(y.length), true);
    }

    static PartData counts(double[] events, double[] exposure) {
        double[] y = new double[events.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = events[i] / exposure[i];
        }
        return new PartData(y, events, exposure, allBase(y.length), true);
    }

    static PartData frozen(int baselinePoints, double... y) {
        boolean[] base = new boolean[y.length];
        Arrays.fill(base, 0, baselinePoints, true);
        return new PartData(y, y.clone(), RStats.filled(y.length, Double.NaN), base, true);
    }

    private static boolean[] allBase(int size) {
        boolean[] base = new boolean[size];
        Arrays.fill(base, true);
        return base;
    }
}
