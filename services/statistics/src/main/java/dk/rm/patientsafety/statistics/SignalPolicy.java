package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.PeriodGranularity;
import dk.rm.patientsafety.spc.Observation;

import java.util.Optional;
import java.util.Set;

/**
 * Signals are judged on series of at least {@code minimumPoints} periods; incident series only at the granularities
 * listed and only when they average at least {@code minimumMeanCount} incidents per period, because a count chart of
 * rarer events flags every second incident (its limits assume counts that are not mostly zeros). Rarer events are
 * judged on the days between them instead (G chart): an incident type's where it averages fewer than
 * {@code minimumMeanCount} a month, serious incidents' always (no count chart is kept of them alone).
 */
public record SignalPolicy(int minimumPoints, Set<PeriodGranularity> incidentGranularities, double minimumMeanCount) {

    private static final double DAYS_PER_MONTH = 365.25 / 12;

    /**
     * Ten points is the usual minimum before limits and runs are trusted; from one incident per period on, a C chart's
     * false-alarm rate is close to the nominal 3-sigma rate, at 0.3 per period it is ten times that.
     */
    public static SignalPolicy defaults() {
        return new SignalPolicy(10, Set.of(PeriodGranularity.ISO_WEEK, PeriodGranularity.MONTH), 1.0);
    }

    public boolean judges(SeriesData series) {
        if (series.points().size() < minimumPoints) {
            return false;
        }
        Optional<SeriesId.BetweenSeries> between = SeriesId.parseBetween(series.seriesId());
        if (between.isPresent()) {
            return between.get().serious() || eventsPerMonth(series) < minimumMeanCount;
        }
        return SeriesId.parseIncidents(series.seriesId())
                .map(incidents -> incidentGranularities.contains(incidents.granularity()) && meanCount(series) >= minimumMeanCount)
                .orElse(true);
    }

    /** From the mean days between events; a series of events all on one day has infinitely many. */
    private static double eventsPerMonth(SeriesData series) {
        double meanDays = meanCount(series);
        return meanDays == 0 ? Double.POSITIVE_INFINITY : DAYS_PER_MONTH / meanDays;
    }

    private static double meanCount(SeriesData series) {
        return series.points().stream().map(SeriesPoint::observation).mapToDouble(Observation::value).average().orElse(0);
    }
}
