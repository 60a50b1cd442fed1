package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.PeriodGranularity;

/**
 * How many periods back a chart reaches. Limits from years ago say little about today's process, and a chart
 * must stay cheap to recompute on every report.
 */
public record ChartWindow(int days, int isoWeeks, int months) {

    public static ChartWindow defaults() {
        return new ChartWindow(90, 104, 36);
    }

    public int periods(PeriodGranularity granularity) {
        return switch (granularity) {
            case DAY -> days;
            case ISO_WEEK -> isoWeeks;
            case MONTH -> months;
        };
    }
}
