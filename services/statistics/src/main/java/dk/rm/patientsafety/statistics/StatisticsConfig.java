package dk.rm.patientsafety.statistics;

import java.time.Duration;

/**
 * What the statistics stream can be tuned by: how late a report may come, how far charts reach, when P becomes P′, and
 * how often series are re-charted so that a period that has just ended is charted even if no report follows it,
 * which series signals are judged on, and how often the series changed since are charted.
 */
public record StatisticsConfig(GracePeriods grace, ChartWindow window, double laneyThreshold, Duration rechartInterval,
                               SignalPolicy signalPolicy, Duration chartInterval) {

    /** As often as exactly-once streams commit by default: a series changed by a thousand incidents is charted once. */
    public static final Duration DEFAULT_CHART_INTERVAL = Duration.ofMillis(100);

    public static StatisticsConfig defaults() {
        return new StatisticsConfig(GracePeriods.defaults(), ChartWindow.defaults(), IndicatorChartRule.DEFAULT_LANEY_THRESHOLD,
                Duration.ofHours(1), SignalPolicy.defaults(), DEFAULT_CHART_INTERVAL);
    }

    public IncidentSeriesReader incidentReader() {
        return new IncidentSeriesReader(window, grace);
    }

    public UnitSeriesReader unitSeriesReader() {
        return new UnitSeriesReader(incidentReader(), new BetweenSeriesReader(grace));
    }

    public IndicatorSeriesReader indicatorReader() {
        return new IndicatorSeriesReader(new IndicatorChartRule(laneyThreshold));
    }
}
