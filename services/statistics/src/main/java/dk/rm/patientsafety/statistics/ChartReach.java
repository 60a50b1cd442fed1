package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.PeriodGranularity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * A count change moves an incident chart only in a closed period inside the chart's window: an open period is charted
 * when it closes (by the hourly round), and one before the window never again, since the window only moves forward.
 */
final class ChartReach {

    enum Reach { CHARTED, OPEN, BEFORE_WINDOW }

    private final GracePeriods grace;
    private final ChartWindow window;
    /** Periods close at the start of a Danish day, so the bounds hold for the whole day they were computed on. */
    private LocalDate day;
    private final Map<PeriodGranularity, CalendarPeriod[]> bounds = new EnumMap<>(PeriodGranularity.class);

    ChartReach(GracePeriods grace, ChartWindow window) {
        this.grace = grace;
        this.window = window;
    }

    Reach of(CalendarPeriod period, Instant now) {
        LocalDate today = now.atZone(GracePeriods.DANISH_TIME).toLocalDate();
        if (!today.equals(day)) {
            bounds.clear();
            day = today;
        }
        CalendarPeriod[] firstAndLast = bounds.computeIfAbsent(period.granularity(), granularity -> {
            CalendarPeriod last = grace.lastClosed(granularity, now);
            return new CalendarPeriod[]{last.minus(window.periods(granularity) - 1), last};
        });
        if (period.start().isAfter(firstAndLast[1].start())) {
            return Reach.OPEN;
        }
        return period.start().isBefore(firstAndLast[0].start()) ? Reach.BEFORE_WINDOW : Reach.CHARTED;
    }
}
