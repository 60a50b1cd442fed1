package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.IncidentCount;
import dk.rm.patientsafety.events.PeriodGranularity;

import java.time.LocalDate;

/**
 * The statistics service's state stores and their key layouts. Keys put the series first and the period next,
 * in ISO dates, so a prefix scan returns one series in time order.
 */
public final class StatisticsStores {

    /** Report id → the count change last applied for it, so an override can take the report out again. */
    public static final String COUNTED_INCIDENTS = "counted-incidents";
    public static final String INCIDENT_COUNTS = "incident-counts";
    /**
     * Series id and period → the incidents the series counts in that period in time (every severity; one type or all),
     * kept as each count changes, so a chart reads one short range of its own keys and decodes nothing.
     */
    public static final String SERIES_TOTALS = "incident-series-totals";
    /** Series id → timestamp of the latest record that changed it: charted once at the next round, however many changed it. */
    public static final String SERIES_TO_CHART = "incident-series-to-chart";
    /** Series id → timestamp: series with counts but no closed period yet, charted on the schedule once one closes. */
    public static final String SERIES_AWAITING_CLOSE = "incident-series-awaiting-close";
    public static final String UNIT_ACTIVITY = "unit-activity";
    public static final String INDICATOR_OBSERVATIONS = "indicator-observations";
    /** Series id and case id → the case's key in {@link #INDICATOR_OBSERVATIONS}, so a corrected case replaces its point. */
    public static final String INDICATOR_CASES = "indicator-cases";
    /** Two signal-state stores, not one: a shared store would force incident and indicator series into one sub-topology. */
    public static final String INCIDENT_SIGNAL_STATES = "incident-signal-states";
    public static final String INDICATOR_SIGNAL_STATES = "indicator-signal-states";

    static final String SEPARATOR = "|";

    /** The stores of the unit-keyed sub-topology, which its processors share. */
    static final String[] UNIT_STORES = {INCIDENT_COUNTS, SERIES_TOTALS, UNIT_ACTIVITY, INCIDENT_SIGNAL_STATES, SERIES_TO_CHART,
            SERIES_AWAITING_CLOSE};

    private StatisticsStores() {
    }

    /**
     * {@code MONTH|1309011000000|2026-10-01|MEDICATION|MINOR_CONSEQUENCE}, also the key on the counts topic. The period
     * comes before the type so that a chart reads one range of its window, however long the unit's history.
     */
    public static String countKey(IncidentCount count) {
        return String.join(SEPARATOR, periodPrefix(count.getGranularity(), count.getUnitSorCode(), count.getPeriodStart()),
                count.getIncidentType().name(), count.getOverallSeverity().name());
    }

    static String periodPrefix(PeriodGranularity granularity, String unit, LocalDate periodStart) {
        return String.join(SEPARATOR, granularity.name(), unit, periodStart.toString());
    }

    /** {@code incidents:MONTH:1309011000000:ALL|2026-10-01}: the series first, so one series is one range in time order. */
    public static String totalKey(String seriesId, LocalDate periodStart) {
        return seriesId + SEPARATOR + periodStart;
    }

    /** The period start a {@link #totalKey} names. */
    static LocalDate totalPeriod(String totalKey) {
        return LocalDate.parse(totalKey.substring(totalKey.lastIndexOf(SEPARATOR) + 1));
    }

    /** {@code indicator:kraeftforloeb:A02-OF4:1:1309061000000|2025-03-10|F-2025-0042}: one case, in the order its times ended. */
    public static String casePointKey(String seriesId, LocalDate periodEnd, String caseId) {
        return indicatorKey(seriesId, periodEnd) + SEPARATOR + caseId;
    }

    static String caseKey(String seriesId, String caseId) {
        return seriesId + SEPARATOR + caseId;
    }

    public static String activityKey(String unit, LocalDate periodStart) {
        return unit + SEPARATOR + periodStart;
    }

    public static String indicatorKey(String seriesId, LocalDate periodStart) {
        return seriesId + SEPARATOR + periodStart;
    }
}
