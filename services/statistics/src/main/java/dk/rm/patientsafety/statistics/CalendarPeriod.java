package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.PeriodGranularity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** A counting period in Danish local dates: a day, an ISO week (Monday to Sunday) or a calendar month. */
public record CalendarPeriod(PeriodGranularity granularity, LocalDate start, LocalDate end) {

    /** The period of this granularity that contains the date. */
    public static CalendarPeriod containing(PeriodGranularity granularity, LocalDate date) {
        return switch (granularity) {
            case DAY -> new CalendarPeriod(granularity, date, date);
            case ISO_WEEK -> {
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new CalendarPeriod(granularity, monday, monday.plusDays(6));
            }
            case MONTH -> new CalendarPeriod(granularity, date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth()));
        };
    }

    public CalendarPeriod next() {
        return containing(granularity, end.plusDays(1));
    }

    public CalendarPeriod minus(int periods) {
        LocalDate earlier = switch (granularity) {
            case DAY -> start.minusDays(periods);
            case ISO_WEEK -> start.minusWeeks(periods);
            case MONTH -> start.minusMonths(periods);
        };
        return containing(granularity, earlier);
    }

    /** The period as people write it: 2026-11-23, 2026-W48 or 2026-11. */
    public String label() {
        return switch (granularity) {
            case DAY -> start.toString();
            case ISO_WEEK -> weekLabel(start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> start.toString().substring(0, 7);
        };
    }

    /** Not String.format: every chart labels every point, and formatting took a tenth of the statistics thread. */
    private static String weekLabel(int year, int week) {
        return year + (week < 10 ? "-W0" : "-W") + week;
    }
}
