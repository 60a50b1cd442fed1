package dk.rm.patientsafety.statistics;

import java.time.Duration;

/**
 * What the statistics stream can be tuned by: how late a report may come, how far charts reach, when P becomes P′, and
 * how often series are re-charted so that a period that has just ended is charted even if no report follows it,
 * which series signals are judged on, and how often the series changed since are charted.
 */
public record StatisticsConfig(GracePeriods grace, ChartWindow window, double laneyThreshold, Duration rechartInterval,
                               SignalPolicy signalPolicy, Duration chartInterval) {

    /**
     * A chart moves only when a closed period changes (history, a correction) or a period closes, so a second's wait
     * delays no signal anyone acts on, while a backfill's thousands of changes a second chart each series once.
     */
    public static final Duration DEFAULT_CHART_INTERVAL = Duration.ofSeconds(1);

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
