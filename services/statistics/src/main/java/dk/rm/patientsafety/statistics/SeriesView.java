package dk.rm.patientsafety.statistics;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/** A series with its chart, as a dashboard draws it: one entry per point, the runs analysis, and the signals in words. */
@Serdeable
public record SeriesView(String seriesId, String title, String unit, String measure, String chart, double multiply, int freeze,
                         List<Point> points, List<Runs> runs, List<String> signals) {

    /** One point; null where qicharts2 has NA (a missing value, or no limits on a run chart). */
    @Serdeable
    public record Point(String period, LocalDate periodStart, LocalDate periodEnd, Double value, Double denominator,
                        Double centreLine, Double lowerLimit, Double upperLimit, boolean sigmaSignal, boolean baseline, int part,
                        Double target, Boolean standardMet) {
    }

    /** The Anhøj rules for one phase: a runs signal when the longest run exceeds its limit or crossings fall below theirs. */
    @Serdeable
    public record Runs(int part, int usefulObservations, int longestRun, int longestRunLimit, int crossings, int crossingsLimit,
                       boolean runsSignal) {
    }

    /** A series the service keeps, for the list. */
    @Serdeable
    public record Summary(String seriesId, List<LocalDate> sigmaSignalPeriods, boolean longestRunSignal, boolean fewCrossingsSignal) {
    }
}
