package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.IncidentCount;
import dk.rm.patientsafety.events.IncidentCountChange;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.PeriodGranularity;
import dk.rm.patientsafety.events.SeriesSignalState;
import dk.rm.patientsafety.events.UnitActivity;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies count changes to a unit's day, ISO-week and month counts (a report received after its period closed goes
 * into the late count), publishes each count, and re-evaluates the unit's series for that type and for all types.
 * On a wall-clock schedule it also re-charts every series whose last complete period has moved on since it was last
 * charted: a quiet unit's drop to zero, or a spike in a month no report follows, would otherwise wait for a record.
 */
final class UnitCounts implements Processor<String, IncidentCountChange, String, SpecificRecord> {

    private final GracePeriods grace;
    private final IncidentSeriesReader reader;
    private final Duration rechartInterval;
    private KeyValueStore<String, SeriesSignalState> states;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, IncidentCount> counts;
    private KeyValueStore<String, UnitActivity> activity;
    private SeriesEvaluator evaluator;

    UnitCounts(GracePeriods grace, IncidentSeriesReader reader, Duration rechartInterval) {
        this.grace = grace;
        this.reader = reader;
        this.rechartInterval = rechartInterval;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.counts = context.getStateStore(StatisticsStores.INCIDENT_COUNTS);
        this.activity = context.getStateStore(StatisticsStores.UNIT_ACTIVITY);
        this.states = context.getStateStore(StatisticsStores.INCIDENT_SIGNAL_STATES);
        this.evaluator = new SeriesEvaluator(states);
        context.schedule(rechartInterval, PunctuationType.WALL_CLOCK_TIME, this::rechartEndedPeriods);
    }

    @Override
    public void process(Record<String, IncidentCountChange> record) {
        IncidentCountChange change = record.value();
        for (PeriodGranularity granularity : PeriodGranularity.values()) {
            IncidentCount count = apply(change, CalendarPeriod.containing(granularity, change.getEventDate()), record.timestamp());
            String key = StatisticsStores.countKey(count);
            counts.put(key, count);
            context.forward(record.withKey(key).withValue(count));
        }
        Instant streamTime = Instant.ofEpochMilli(context.currentStreamTimeMs());
        LocalDate today = streamTime.atZone(GracePeriods.DANISH_TIME).toLocalDate();
        for (PeriodGranularity granularity : PeriodGranularity.values()) {
            for (Optional<IncidentType> type : List.of(Optional.of(change.getIncidentType()), Optional.<IncidentType>empty())) {
                SeriesId.IncidentSeries series = new SeriesId.IncidentSeries(granularity, change.getUnitSorCode(), type);
                evaluator.evaluate(reader.read(counts, activity, series, today), streamTime)
                        .forEach(signal -> context.forward(record.withKey(signal.getSeriesId()).withValue(signal)));
            }
        }
    }

    private void rechartEndedPeriods(long wallClock) {
        Instant now = Instant.ofEpochMilli(wallClock);
        LocalDate today = now.atZone(GracePeriods.DANISH_TIME).toLocalDate();
        List<SeriesId.IncidentSeries> behind = new ArrayList<>();
        try (KeyValueIterator<String, SeriesSignalState> it = states.all()) {
            it.forEachRemaining(entry -> SeriesId.parseIncidents(entry.key)
                    .filter(series -> currentPeriod(series, entry.value.getEvaluatedAt()).isBefore(currentPeriod(series, now)))
                    .ifPresent(behind::add));
        }
        for (SeriesId.IncidentSeries series : behind) {
            evaluator.evaluate(reader.read(counts, activity, series, today), now)
                    .forEach(signal -> context.forward(new Record<>(signal.getSeriesId(), (SpecificRecord) signal, wallClock)));
        }
    }

    /** The start of the period running at {@code at}; when it moves on, the period before has ended. */
    private static LocalDate currentPeriod(SeriesId.IncidentSeries series, Instant at) {
        return CalendarPeriod.containing(series.granularity(), at.atZone(GracePeriods.DANISH_TIME).toLocalDate()).start();
    }

    private IncidentCount apply(IncidentCountChange change, CalendarPeriod period, long timestamp) {
        IncidentCount.Builder count = existing(change, period);
        if (grace.isLate(period, change.getReceivedAt())) {
            count.setLateCount(count.getLateCount() + change.getDelta());
        } else {
            count.setCount(count.getCount() + change.getDelta());
        }
        return count.setUpdatedAt(Instant.ofEpochMilli(timestamp)).build();
    }

    private IncidentCount.Builder existing(IncidentCountChange change, CalendarPeriod period) {
        IncidentCount.Builder fresh = IncidentCount.newBuilder()
                .setGranularity(period.granularity())
                .setPeriodStart(period.start())
                .setPeriodEnd(period.end())
                .setUnitSorCode(change.getUnitSorCode())
                .setIncidentType(change.getIncidentType())
                .setOverallSeverity(change.getOverallSeverity())
                .setCount(0)
                .setLateCount(0)
                .setClosesAt(grace.closesAt(period))
                .setUpdatedAt(Instant.EPOCH);
        IncidentCount stored = counts.get(StatisticsStores.countKey(fresh.build()));
        return stored == null ? fresh : IncidentCount.newBuilder(stored);
    }
}
