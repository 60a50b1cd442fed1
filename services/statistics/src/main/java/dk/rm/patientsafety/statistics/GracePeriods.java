package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.PeriodGranularity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * A period takes reports into its count until its grace has passed after its last day (Danish time); a report
 * received later is kept as a late count, so a published chart does not keep moving but nothing is lost.
 */
public final class GracePeriods {

    /** Danish local dates: a period ends at midnight in Copenhagen, not in UTC. */
    static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private final Map<PeriodGranularity, Duration> grace;

    public GracePeriods(Duration day, Duration isoWeek, Duration month) {
        this.grace = new EnumMap<>(Map.of(PeriodGranularity.DAY, day, PeriodGranularity.ISO_WEEK, isoWeek, PeriodGranularity.MONTH, month));
    }

    /** Reports are often days late, and months are charted monthly: two weeks for days and weeks, a month for months. */
    public static GracePeriods defaults() {
        return new GracePeriods(Duration.ofDays(14), Duration.ofDays(14), Duration.ofDays(30));
    }

    /** Whole Danish days after the period: a grace of 14 days ends at a midnight, also across a summer-time change. */
    public Instant closesAt(CalendarPeriod period) {
        return period.end().plusDays(1 + grace.get(period.granularity()).toDays()).atStartOfDay(DANISH_TIME).toInstant();
    }

    public boolean isLate(CalendarPeriod period, Instant receivedAt) {
        return receivedAt.isAfter(closesAt(period));
    }

    /** The latest period of this granularity whose grace has passed at {@code now}. */
    public CalendarPeriod lastClosed(PeriodGranularity granularity, Instant now) {
        CalendarPeriod period = CalendarPeriod.containing(granularity, now.atZone(DANISH_TIME).toLocalDate());
        while (closesAt(period).isAfter(now)) {
            period = period.minus(1);
        }
        return period;
    }
}
