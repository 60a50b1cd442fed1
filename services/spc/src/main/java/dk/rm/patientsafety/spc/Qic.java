package dk.rm.patientsafety.spc;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Run and control charts computed exactly as qicharts2 0.8.1 {@code qic(..., return.data = TRUE)} computes them. */
public final class Qic {

    private Qic() {
    }

    /**
     * Computes the chart.
     *
     * @throws IllegalArgumentException for input qicharts2 would reject or chart meaninglessly, e.g. a T chart
     *                                  with a time ≤ 0, negative counts, denominators on a C chart or none on a U chart
     */
    public static Chart chart(ChartSpec spec, List<Observation> observations) {
        boolean hasDenominators = InputValidation.validate(spec, observations);
        int size = observations.size();
        int[] parts = partNumbers(spec.partStarts(), size);
        List<ChartPoint> points = new ArrayList<>(size);
        List<RunsAnalysis> runs = new ArrayList<>();
        int start = 0;
        while (start < size) {
            int end = start;
            while (end < size && parts[end] == parts[start]) {
                end++;
            }
            PartData data = aggregate(observations.subList(start, end), hasDenominators, start, spec.freeze(), spec.screenedMovingRanges());
            PartLimits limits = limits(spec.type(), data);
            RunsAnalysis analysis = AnhojRules.analyse(parts[start], limits.y(), limits.centreLine());
            runs.add(spec.type() == ChartType.MR ? withoutSignal(analysis) : analysis);
            addPoints(points, spec, data, limits, start, parts[start]);
            start = end;
        }
        return new Chart(spec, points, runs);
    }

    /** qicharts2's makeparts(): start indices outside the series are ignored, duplicates merge. */
    static int[] partNumbers(List<Integer> partStarts, int size) {
        TreeSet<Integer> starts = new TreeSet<>(partStarts);
        starts.add(0);
        int[] parts = new int[size];
        int part = 0;
        for (int i = 0; i < size; i++) {
            if (starts.contains(i)) {
                part++;
            }
            parts[i] = part;
        }
        return parts;
    }

    /** As qicharts2: y / n with n set to 0 where y or n is missing, or y alone without denominators. */
    private static PartData aggregate(List<Observation> observations, boolean hasDenominators, int offset, int freeze,
                                      boolean screened) {
        int size = observations.size();
        double[] y = new double[size];
        double[] ySum = new double[size];
        double[] n = new double[size];
        boolean[] base = new boolean[size];
        for (int i = 0; i < size; i++) {
            Observation o = observations.get(i);
            boolean complete = o.hasValue() && o.hasDenominator();
            ySum[i] = hasDenominators && !complete ? Double.NaN : o.value();
            n[i] = hasDenominators ? (complete ? o.denominator() : 0) : Double.NaN;
            y[i] = hasDenominators ? (complete ? o.value() : 0) / n[i] : o.value();
            base[i] = freeze == 0 || offset + i < freeze;
        }
        return new PartData(y, ySum, n, base, screened);
    }

    private static PartLimits limits(ChartType type, PartData data) {
        return switch (type) {
            case RUN -> RunChartCentre.compute(data);
            case I -> IndividualsLimits.compute(data);
            case MR -> MovingRangeLimits.compute(data);
            case C -> CountLimits.compute(data);
            case U -> RateLimits.u(data);
            case P -> RateLimits.p(data);
            case P_PRIME -> LaneyAdjustment.pPrime(data);
            case U_PRIME -> LaneyAdjustment.uPrime(data);
            case G -> GLimits.compute(data);
            case T -> TTransform.compute(data);
        };
    }

    /** qicharts2 computes the runs of MR charts but never lets them signal: consecutive ranges are not independent. */
    private static RunsAnalysis withoutSignal(RunsAnalysis analysis) {
        return new RunsAnalysis(analysis.part(), analysis.usefulObservations(), analysis.longestRun(),
                analysis.longestRunLimit(), analysis.crossings(), analysis.crossingsLimit(), false);
    }

    /** Multiplies after the runs analysis and compares after multiplying, in qicharts2's order. */
    private static void addPoints(List<ChartPoint> points, ChartSpec spec, PartData data, PartLimits limits,
                                  int offset, int part) {
        double m = spec.multiply();
        double centre = limits.centreLine() * m;
        for (int i = 0; i < data.size(); i++) {
            double value = limits.y()[i] * m;
            double lower = finiteOrNaN(limits.lower()[i] * m);
            double upper = finiteOrNaN(limits.upper()[i] * m);
            boolean sigma = value > upper || value < lower;
            points.add(new ChartPoint(offset + i, value, data.n()[i], centre, lower, upper, sigma, data.base()[i], part));
        }
    }

    /** qicharts2 removes infinite limits, e.g. where a denominator is 0. */
    private static double finiteOrNaN(double limit) {
        return Double.isFinite(limit) ? limit : Double.NaN;
    }
}
