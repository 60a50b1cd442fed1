package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.ChartKind;
import dk.rm.patientsafety.events.SeriesSignalState;
import dk.rm.patientsafety.events.SignalChange;
import dk.rm.patientsafety.events.SignalPoint;
import dk.rm.patientsafety.events.SignalRule;
import dk.rm.patientsafety.events.StatisticalSignal;
import dk.rm.patientsafety.spc.Chart;
import dk.rm.patientsafety.spc.ChartPoint;
import dk.rm.patientsafety.spc.RunsAnalysis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A signal is published when a series gains or loses it, never again while it stands. */
public final class SignalTracker {

    /** The outcome of evaluating a series: the state to remember and the changes to publish. */
    public record Evaluation(SeriesSignalState state, List<StatisticalSignal> signals) {
    }

    public Evaluation evaluate(SeriesData series, Chart chart, SeriesSignalState previous, Instant at) {
        Set<LocalDate> before = previous == null ? Set.of() : new LinkedHashSet<>(previous.getSigmaPeriods());
        Set<LocalDate> now = sigmaPeriods(series, chart);
        RunsAnalysis runs = chart.lastPartRuns();
        boolean longestRun = runs != null && runs.longRunSignal();
        boolean fewCrossings = runs != null && runs.fewCrossingsSignal();

        List<StatisticalSignal> signals = new ArrayList<>();
        Set<LocalDate> raised = difference(now, before);
        Set<LocalDate> cleared = difference(before, now);
        if (!raised.isEmpty()) {
            signals.add(signal(series, chart, SignalRule.SIGMA, SignalChange.RAISED, points(series, chart, raised), at));
        }
        if (!cleared.isEmpty()) {
            signals.add(signal(series, chart, SignalRule.SIGMA, SignalChange.CLEARED, points(series, chart, cleared), at));
        }
        boolean hadLongestRun = previous != null && previous.getLongestRun();
        if (longestRun != hadLongestRun) {
            signals.add(signal(series, chart, SignalRule.LONGEST_RUN, change(longestRun), longestRunPoints(series, chart), at));
        }
        boolean hadFewCrossings = previous != null && previous.getFewCrossings();
        if (fewCrossings != hadFewCrossings) {
            signals.add(signal(series, chart, SignalRule.FEW_CROSSINGS, change(fewCrossings), points(series, chart, allPeriods(series)), at));
        }
        SeriesSignalState state = SeriesSignalState.newBuilder().setSeriesId(series.seriesId()).setSigmaPeriods(List.copyOf(now))
                .setLongestRun(longestRun).setFewCrossings(fewCrossings).setEvaluatedAt(at).build();
        return new Evaluation(state, signals);
    }

    /**
     * Clears every signal the series showed: the policy no longer judges it (e.g. overrides left it too few incidents),
     * and a signal nobody clears would stand forever downstream.
     */
    public Evaluation silence(SeriesData series, SeriesSignalState previous, Instant at) {
        List<StatisticalSignal> signals = new ArrayList<>();
        if (previous != null && !previous.getSigmaPeriods().isEmpty()) {
            List<SignalPoint> periods = previous.getSigmaPeriods().stream()
                    .map(period -> SignalPoint.newBuilder().setPeriodStart(period).build()).toList();
            signals.add(signal(series, null, SignalRule.SIGMA, SignalChange.CLEARED, periods, at));
        }
        if (previous != null && previous.getLongestRun()) {
            signals.add(signal(series, null, SignalRule.LONGEST_RUN, SignalChange.CLEARED, List.of(), at));
        }
        if (previous != null && previous.getFewCrossings()) {
            signals.add(signal(series, null, SignalRule.FEW_CROSSINGS, SignalChange.CLEARED, List.of(), at));
        }
        SeriesSignalState quiet = SeriesSignalState.newBuilder().setSeriesId(series.seriesId()).setEvaluatedAt(at).build();
        return new Evaluation(quiet, signals);
    }

    private static SignalChange change(boolean holds) {
        return holds ? SignalChange.RAISED : SignalChange.CLEARED;
    }

    private static Set<LocalDate> sigmaPeriods(SeriesData series, Chart chart) {
        Set<LocalDate> periods = new LinkedHashSet<>();
        for (ChartPoint point : chart.points()) {
            if (point.sigmaSignal()) {
                periods.add(series.points().get(point.index()).periodStart());
            }
        }
        return periods;
    }

    private static Set<LocalDate> allPeriods(SeriesData series) {
        Set<LocalDate> periods = new LinkedHashSet<>();
        series.points().forEach(p -> periods.add(p.periodStart()));
        return periods;
    }

    private static Set<LocalDate> difference(Set<LocalDate> a, Set<LocalDate> b) {
        Set<LocalDate> result = new LinkedHashSet<>(a);
        result.removeAll(b);
        return result;
    }

    /**
     * The points of the longest run on one side of the centre line (the latest, if two are as long: after a shift,
     * the new level is the news); points on the line neither break nor extend a run.
     */
    private static List<SignalPoint> longestRunPoints(SeriesData series, Chart chart) {
        List<ChartPoint> best = List.of();
        List<ChartPoint> current = new ArrayList<>();
        int side = 0;
        for (ChartPoint point : chart.points()) {
            int pointSide = side(point);
            if (pointSide == 0) {
                continue;
            }
            if (pointSide != side) {
                current = new ArrayList<>();
                side = pointSide;
            }
            current.add(point);
            if (current.size() >= best.size()) {
                best = current;
            }
        }
        return best.stream().map(p -> point(series, p)).toList();
    }

    private static int side(ChartPoint point) {
        if (Double.isNaN(point.value()) || Double.isNaN(point.centreLine())) {
            return 0;
        }
        return Double.compare(point.value(), point.centreLine()) == 0 ? 0 : (point.value() > point.centreLine() ? 1 : -1);
    }

    private static List<SignalPoint> points(SeriesData series, Chart chart, Set<LocalDate> periods) {
        List<SignalPoint> points = new ArrayList<>();
        for (ChartPoint point : chart.points()) {
            if (periods.contains(series.points().get(point.index()).periodStart())) {
                points.add(point(series, point));
            }
        }
        if (points.isEmpty()) { // periods that left the chart window: name them without values
            periods.forEach(p -> points.add(SignalPoint.newBuilder().setPeriodStart(p).build()));
        }
        return points;
    }

    private static SignalPoint point(SeriesData series, ChartPoint point) {
        return SignalPoint.newBuilder()
                .setPeriodStart(series.points().get(point.index()).periodStart())
                .setValue(orNull(point.value()))
                .setCentreLine(orNull(point.centreLine()))
                .setLowerLimit(orNull(point.lowerLimit()))
                .setUpperLimit(orNull(point.upperLimit()))
                .build();
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** {@code chart} may be null for a cleared signal: its sentence needs no chart. */
    private static StatisticalSignal signal(SeriesData series, Chart chart, SignalRule rule, SignalChange change,
                                            List<SignalPoint> points, Instant at) {
        String identity = String.join("|", series.seriesId(), rule.name(), change.name(), at.toString(),
                points.stream().map(p -> p.getPeriodStart().toString()).reduce("", String::concat));
        return StatisticalSignal.newBuilder()
                .setSignalId(UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString())
                .setSeriesId(series.seriesId())
                .setSeriesTitle(series.title())
                .setUnitSorCode(series.unit())
                .setChart(ChartKind.valueOf(series.spec().type().name()))
                .setRule(rule)
                .setChange(change)
                .setPoints(points)
                .setSentence(SignalSentences.sentence(series, chart, rule, change, points))
                .setDetectedAt(at)
                .build();
    }
}
