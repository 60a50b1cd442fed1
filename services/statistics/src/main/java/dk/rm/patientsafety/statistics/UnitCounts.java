package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.IncidentCount;
import dk.rm.patientsafety.events.IncidentCountChange;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.events.PeriodGranularity;
import dk.rm.patientsafety.events.ReplacedCount;
import dk.rm.patientsafety.events.SeriesSignalState;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies count changes to a unit's day, ISO-week and month counts (a live report received after its period closed
 * goes into the late count, a report submitted as history never does; a move leaves one bucket and enters another in
 * one step), publishes each count, keeps the totals of the unit's series for the types involved and for all types,
 * and of its time-between series (its type's; the serious incidents' if it is serious; late or not), and marks for
 * the next charting round those series whose chart the change moves (see {@link ChartReach}).
 * On a wall-clock schedule it also re-charts every series a period of which has closed since it was last charted, and
 * every series that had nothing closed to chart yet: a quiet unit's drop to zero, a spike in a month no report
 * follows, or a unit's first month would otherwise wait for a record.
 */
final class UnitCounts extends UnitSeriesProcessor<IncidentCountChange> {

    private final GracePeriods grace;
    private final Duration rechartInterval;
    private final Duration chartInterval;
    private final ChartReach chartReach;

    UnitCounts(StatisticsConfig config) {
        super(config);
        this.grace = config.grace();
        this.rechartInterval = config.rechartInterval();
        this.chartInterval = config.chartInterval();
        this.chartReach = new ChartReach(config.grace(), config.window());
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        super.init(context);
        SeriesTotals.rebuildIfMissing(counts, totals);
        context.schedule(chartInterval, PunctuationType.WALL_CLOCK_TIME, wallClock -> chartChanged());
        context.schedule(rechartInterval, PunctuationType.WALL_CLOCK_TIME, this::rechartClosedPeriods);
    }

    @Override
    public void process(Record<String, IncidentCountChange> record) {
        IncidentCountChange change = record.value();
        ReplacedCount replaced = change.getReplaces();
        if (replaced != null) {
            count(record, new Bucket(change.getUnitSorCode(), replaced.getIncidentType(), replaced.getOverallSeverity(),
                    replaced.getEventDate(), replaced.getReceivedAt(), change.getHistorical()), -1);
        }
        count(record, new Bucket(change.getUnitSorCode(), change.getIncidentType(), change.getOverallSeverity(),
                change.getEventDate(), change.getReceivedAt(), change.getHistorical()), change.getDelta());
    }

    /** Where an incident is counted in one unit; its receipt time decides whether a live report came in time. */
    private record Bucket(String unit, IncidentType type, OverallSeverity severity, LocalDate eventDate, Instant receivedAt,
                          boolean historical) {
    }

    /**
     * Adds {@code delta} to the bucket's day, week and month counts, publishes each, and totals and marks its series;
     * the days-between series are totalled per event day.
     */
    private void count(Record<String, IncidentCountChange> record, Bucket bucket, int delta) {
        for (PeriodGranularity granularity : PeriodGranularity.values()) {
            CalendarPeriod period = CalendarPeriod.containing(granularity, bucket.eventDate());
            boolean late = !bucket.historical() && grace.isLate(period, bucket.receivedAt());
            IncidentCount count = apply(bucket, delta, period, late, record.timestamp());
            String key = StatisticsStores.countKey(count);
            counts.put(key, count);
            context.forward(record.withKey(key).withValue(count));
            if (!late) {
                ChartReach.Reach reach = chartReach.of(period, streamTime());
                for (Optional<IncidentType> type : List.of(Optional.of(bucket.type()), Optional.<IncidentType>empty())) {
                    SeriesId.IncidentSeries series = new SeriesId.IncidentSeries(granularity, bucket.unit(), type);
                    SeriesTotals.add(totals, series.id(), period.start(), delta);
                    switch (reach) {
                        case CHARTED -> changed(series, record.timestamp(), !bucket.historical());
                        case OPEN -> chartOnceClosed(series, record.timestamp(), !bucket.historical());
                        case BEFORE_WINDOW -> {
                            // ten-year-old history is kept in the totals, but no chart shows it
                        }
                    }
                }
            }
        }
        // Late or not: a serious incident reported late is still one, and a gap it splits is no gap.
        for (SeriesId.BetweenSeries series : betweenSeries(bucket)) {
            SeriesTotals.add(totals, series.id(), bucket.eventDate(), delta);
            changed(series, record.timestamp(), !bucket.historical());
        }
    }

    /**
     * A change to an open period shows once the period closes. A series charted since the last period closed shows no
     * change now, and the hourly round charts it when its period closes; any other is charted at the next round (one
     * with nothing closed yet then waits in the round's list).
     */
    private void chartOnceClosed(SeriesId.IncidentSeries series, long timestamp, boolean live) {
        SeriesSignalState state = states.get(series.id());
        if (state == null || closedSince(series, state.getEvaluatedAt(), streamTime())) {
            changed(series, timestamp, live);
        }
    }

    /** The time-between series an incident is an event of: its type's, and the serious incidents' if it is one. */
    private static List<SeriesId.BetweenSeries> betweenSeries(Bucket bucket) {
        SeriesId.BetweenSeries ofType = SeriesId.BetweenSeries.ofType(bucket.unit(), bucket.type());
        return SeriesId.BetweenSeries.SERIOUS_SEVERITIES.contains(bucket.severity())
                ? List.of(ofType, SeriesId.BetweenSeries.serious(bucket.unit())) : List.of(ofType);
    }

    private void rechartClosedPeriods(long wallClock) {
        Instant now = Instant.ofEpochMilli(wallClock);
        List<SeriesId.UnitSeries> behind = new ArrayList<>();
        try (KeyValueIterator<String, SeriesSignalState> it = states.all()) {
            it.forEachRemaining(entry -> SeriesId.parseUnitSeries(entry.key)
                    .filter(series -> closedSince(series, entry.value.getEvaluatedAt(), now))
                    .ifPresent(behind::add));
        }
        try (KeyValueIterator<String, Long> it = awaitingClose.all()) {
            it.forEachRemaining(entry -> SeriesId.parseUnitSeries(entry.key).ifPresent(behind::add));
        }
        behind.forEach(series -> chart(series, now, wallClock, false)); // time passing is news: a period has closed
    }

    /** Whether a period of the series has closed since it was last charted. */
    private boolean closedSince(SeriesId.UnitSeries series, Instant evaluatedAt, Instant now) {
        return grace.lastClosed(series.granularity(), evaluatedAt).start().isBefore(grace.lastClosed(series.granularity(), now).start());
    }

    private IncidentCount apply(Bucket bucket, int delta, CalendarPeriod period, boolean late, long timestamp) {
        IncidentCount.Builder count = existing(bucket, period);
        if (late) {
            count.setLateCount(count.getLateCount() + delta);
        } else {
            count.setCount(count.getCount() + delta);
        }
        return count.setUpdatedAt(Instant.ofEpochMilli(timestamp)).build();
    }

    private IncidentCount.Builder existing(Bucket bucket, CalendarPeriod period) {
        IncidentCount.Builder fresh = IncidentCount.newBuilder()
                .setGranularity(period.granularity())
                .setPeriodStart(period.start())
                .setPeriodEnd(period.end())
                .setUnitSorCode(bucket.unit())
                .setIncidentType(bucket.type())
                .setOverallSeverity(bucket.severity())
                .setCount(0)
                .setLateCount(0)
                .setClosesAt(grace.closesAt(period))
                .setUpdatedAt(Instant.EPOCH);
        IncidentCount stored = counts.get(StatisticsStores.countKey(fresh.build()));
        return stored == null ? fresh : IncidentCount.newBuilder(stored);
    }
}
