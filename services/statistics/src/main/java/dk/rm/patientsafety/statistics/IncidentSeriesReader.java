package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.PeriodGranularity;
import dk.rm.patientsafety.events.UnitActivity;
import dk.rm.patientsafety.spc.ChartSpec;
import dk.rm.patientsafety.spc.ChartType;
import dk.rm.patientsafety.spc.Observation;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds an incident series from the counts: every closed period (its grace has passed) from the first with incidents,
 * empty periods as zero. A period still open is left out: its late reports are still coming, and its count would look
 * like an improvement. A rate per 1,000 bed-days (U chart) where the unit reports activity, else a count (C chart).
 */
public final class IncidentSeriesReader {

    static final double PER_THOUSAND_BED_DAYS = 1000;

    private final ChartWindow window;
    private final GracePeriods grace;

    public IncidentSeriesReader(ChartWindow window, GracePeriods grace) {
        this.window = window;
        this.grace = grace;
    }

    /** The series through the last period closed at {@code now}; empty if it has no incident in a closed period. */
    public Optional<SeriesData> read(ReadOnlyKeyValueStore<String, Long> totals, ReadOnlyKeyValueStore<String, UnitActivity> activity,
                                     SeriesId.IncidentSeries series, Instant now) {
        CalendarPeriod last = lastClosed(series.granularity(), now);
        CalendarPeriod windowStart = last.minus(window.periods(series.granularity()) - 1);
        TreeMap<LocalDate, Long> byPeriod = totalsByPeriod(totals, series, windowStart, last);
        if (byPeriod.isEmpty()) {
            return Optional.empty();
        }
        CalendarPeriod first = CalendarPeriod.containing(series.granularity(), byPeriod.firstKey());
        boolean rates = series.granularity() == PeriodGranularity.MONTH && hasActivity(activity, series.unit(), first, last);
        List<SeriesPoint> points = new ArrayList<>();
        for (CalendarPeriod period = first; !period.start().isAfter(last.start()); period = period.next()) {
            long y = byPeriod.getOrDefault(period.start(), 0L);
            Observation observation = rates ? Observation.of(y, bedDays(activity, series.unit(), period)) : Observation.count(y);
            points.add(SeriesPoint.of(period.start(), period.end(), period.label(), observation));
        }
        ChartSpec spec = rates ? ChartSpec.of(ChartType.U).withMultiply(PER_THOUSAND_BED_DAYS) : ChartSpec.of(ChartType.C);
        return Optional.of(new SeriesData(series.id(), title(series, rates), series.unit(),
                rates ? "incidents per 1,000 bed-days" : "incidents", spec, points));
    }

    /** The latest period of this granularity whose grace has passed at {@code now}. */
    public CalendarPeriod lastClosed(PeriodGranularity granularity, Instant now) {
        return grace.lastClosed(granularity, now);
    }

    /** The series' totals of the window's periods with incidents: one range of its own keys. */
    private static TreeMap<LocalDate, Long> totalsByPeriod(ReadOnlyKeyValueStore<String, Long> store, SeriesId.IncidentSeries series,
                                                           CalendarPeriod from, CalendarPeriod to) {
        TreeMap<LocalDate, Long> totals = new TreeMap<>();
        try (KeyValueIterator<String, Long> it = store.range(StatisticsStores.totalKey(series.id(), from.start()),
                StatisticsStores.totalKey(series.id(), to.start()))) {
            while (it.hasNext()) {
                var entry = it.next();
                if (entry.value > 0) {
                    totals.put(StatisticsStores.totalPeriod(entry.key), entry.value);
                }
            }
        }
        return totals;
    }

    private static boolean hasActivity(ReadOnlyKeyValueStore<String, UnitActivity> activity, String unit, CalendarPeriod first, CalendarPeriod last) {
        for (CalendarPeriod period = first; !period.start().isAfter(last.start()); period = period.next()) {
            if (!Double.isNaN(bedDays(activity, unit, period))) {
                return true;
            }
        }
        return false;
    }

    /**
     * NaN where the month's bed-days are unknown or zero (a unit closed for the month): the point is left out, as
     * qicharts2 leaves out a period without a denominator, rather than being an infinite rate.
     */
    private static double bedDays(ReadOnlyKeyValueStore<String, UnitActivity> activity, String unit, CalendarPeriod month) {
        UnitActivity figures = activity.get(StatisticsStores.activityKey(unit, month.start()));
        return figures == null || figures.getBedDays() == null || figures.getBedDays() == 0 ? Double.NaN : figures.getBedDays();
    }

    private static String title(SeriesId.IncidentSeries series, boolean rates) {
        String what = series.type().map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " incidents").orElse("Incidents");
        String per = switch (series.granularity()) {
            case DAY -> "day";
            case ISO_WEEK -> "week";
            case MONTH -> "month";
        };
        String measure = rates ? " per 1,000 bed-days" : "";
        return capitalised(what) + measure + " per " + per + ", unit " + series.unit();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
