package dk.rm.patientsafety.statistics;

/** What the statistics stream can be tuned by: how late a report may come, how far charts reach, when P becomes P′. */
public record StatisticsConfig(GracePeriods grace, ChartWindow window, double laneyThreshold) {

    public static StatisticsConfig defaults() {
        return new StatisticsConfig(GracePeriods.defaults(), ChartWindow.defaults(), IndicatorChartRule.DEFAULT_LANEY_THRESHOLD);
    }

    public IncidentSeriesReader incidentReader() {
        return new IncidentSeriesReader(window);
    }

    public IndicatorSeriesReader indicatorReader() {
        return new IndicatorSeriesReader(new IndicatorChartRule(laneyThreshold));
    }
}
