package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.PeriodGranularity;
import dk.rm.patientsafety.spc.ChartSpec;
import dk.rm.patientsafety.spc.ChartType;
import dk.rm.patientsafety.spc.Observation;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds a series of the days between a unit's events (G chart): one point per event after the first, dated by the
 * event, valued by the whole days since the one before (0 for a second event the same day). Events are charted once
 * their day has closed, as on the daily count chart, and a report that comes after that still counts: unlike a count,
 * a missing event would show as a long gap, an improvement that never was. The series holds the latest {@value #MAX_INTERVALS} intervals, reaching
 * back at most {@value #MAX_YEARS} years: rare events need a long reach to show a dozen intervals, a frequent one no more
 * than a chart can show.
 */
public final class BetweenSeriesReader {

    static final int MAX_INTERVALS = 100;
    static final int MAX_YEARS = 10;
    static final String MEASURE = "days between incidents";

    private final GracePeriods grace;

    public BetweenSeriesReader(GracePeriods grace) {
        this.grace = grace;
    }

    /** The series as of {@code now}; empty until it has two events on closed days. */
    public Optional<SeriesData> read(ReadOnlyKeyValueStore<String, Long> totals, SeriesId.BetweenSeries series, Instant now) {
        List<LocalDate> events = latestEvents(totals, series, grace.lastClosed(PeriodGranularity.DAY, now).start());
        if (events.size() < 2) {
            return Optional.empty();
        }
        List<SeriesPoint> points = new ArrayList<>();
        for (int i = 1; i < events.size(); i++) {
            LocalDate day = events.get(i);
            points.add(SeriesPoint.of(day, day, day.toString(), Observation.count(ChronoUnit.DAYS.between(events.get(i - 1), day))));
        }
        return Optional.of(new SeriesData(series.id(), title(series), series.unit(), MEASURE, ChartSpec.of(ChartType.G), points));
    }

    /**
     * The event days, oldest first, one entry per event: reverse scans of the series' own keys, a year at a time, until
     * it has enough. A year at a time because a cached store's range copies the cached keys it spans before it iterates.
     */
    private static List<LocalDate> latestEvents(ReadOnlyKeyValueStore<String, Long> totals, SeriesId.BetweenSeries series, LocalDate lastDay) {
        List<LocalDate> newestFirst = new ArrayList<>();
        for (int year = 0; year < MAX_YEARS && newestFirst.size() <= MAX_INTERVALS; year++) {
            try (KeyValueIterator<String, Long> it = totals.reverseRange(
                    StatisticsStores.totalKey(series.id(), lastDay.minusYears(year + 1L).plusDays(1)),
                    StatisticsStores.totalKey(series.id(), lastDay.minusYears(year)))) {
                while (it.hasNext() && newestFirst.size() <= MAX_INTERVALS) {
                    var entry = it.next();
                    LocalDate day = StatisticsStores.totalPeriod(entry.key);
                    for (long n = 0; n < entry.value && newestFirst.size() <= MAX_INTERVALS; n++) {
                        newestFirst.add(day);
                    }
                }
            }
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static String title(SeriesId.BetweenSeries series) {
        String what = series.type().map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " incidents").orElse("serious incidents");
        return "Days between " + what + ", unit " + series.unit();
    }
}
