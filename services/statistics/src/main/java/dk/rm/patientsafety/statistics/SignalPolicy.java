package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.PeriodGranularity;
import dk.rm.patientsafety.spc.Observation;

import java.util.Set;

/**
 * Signals are judged on series of at least {@code minimumPoints} periods; incident series only at the granularities
 * listed and only when they average at least {@code minimumMeanCount} incidents per period, because a count chart of
 * rarer events flags every second incident (its limits assume counts that are not mostly zeros).
 */
public record SignalPolicy(int minimumPoints, Set<PeriodGranularity> incidentGranularities, double minimumMeanCount) {

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
        return SeriesId.parseIncidents(series.seriesId())
                .map(incidents -> incidentGranularities.contains(incidents.granularity()) && meanCount(series) >= minimumMeanCount)
                .orElse(true);
    }

    private static double meanCount(SeriesData series) {
        return series.points().stream().map(SeriesPoint::observation).mapToDouble(Observation::value).average().orElse(0);
    }
}
