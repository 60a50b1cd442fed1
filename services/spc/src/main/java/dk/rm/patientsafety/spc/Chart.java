package dk.rm.patientsafety.spc;

import java.util.List;
import java.util.Objects;

/** A computed chart: one point per observation and one runs analysis per phase. */
public record Chart(ChartSpec spec, List<ChartPoint> points, List<RunsAnalysis> runs) {

    public Chart {
        Objects.requireNonNull(spec, "spec");
        points = List.copyOf(points);
        runs = List.copyOf(runs);
    }

    /** Any point outside its limits. */
    public boolean sigmaSignal() {
        return points.stream().anyMatch(ChartPoint::sigmaSignal);
    }

    /** Any phase with an unusually long run or unusually few crossings. */
    public boolean runsSignal() {
        return runs.stream().anyMatch(RunsAnalysis::runsSignal);
    }

    /** The runs analysis of the current (last) phase. */
    public RunsAnalysis lastPartRuns() {
        return runs.get(runs.size() - 1);
    }

    public ChartPoint lastPoint() {
        return points.get(points.size() - 1);
    }
}
