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
    public static final String UNIT_ACTIVITY = "unit-activity";
    public static final String INDICATOR_OBSERVATIONS = "indicator-observations";
    /** Two signal-state stores, not one: a shared store would force incident and indicator series into one sub-topology. */
    public static final String INCIDENT_SIGNAL_STATES = "incident-signal-states";
    public static final String INDICATOR_SIGNAL_STATES = "indicator-signal-states";

    static final String SEPARATOR = "|";

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

    public static String activityKey(String unit, LocalDate periodStart) {
        return unit + SEPARATOR + periodStart;
    }

    public static String indicatorKey(String seriesId, LocalDate periodStart) {
        return seriesId + SEPARATOR + periodStart;
    }
}
