package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.IncidentCount;
import dk.rm.patientsafety.events.SeriesSignalState;
import dk.rm.patientsafety.events.UnitActivity;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stores and the charting shared by the processors of the unit-keyed sub-topology (counts and activity). A record
 * only marks the series it changed; the marked series are charted together at the next round, each once, from its own
 * pre-totalled counts, and their signal changes forwarded. The marks are a store, so a crash between a count and its
 * chart loses neither: the restarted task charts what its committed marks name.
 */
abstract class UnitSeriesProcessor<V> implements Processor<String, V, String, SpecificRecord> {

    private final UnitSeriesReader seriesReader;
    private final SignalPolicy policy;
    ProcessorContext<String, SpecificRecord> context;
    KeyValueStore<String, IncidentCount> counts;
    KeyValueStore<String, Long> totals;
    KeyValueStore<String, UnitActivity> activity;
    KeyValueStore<String, SeriesSignalState> states;
    private KeyValueStore<String, Long> toChart;
    KeyValueStore<String, Long> awaitingClose;
    private SeriesEvaluator evaluator;

    UnitSeriesProcessor(StatisticsConfig config) {
        this.seriesReader = config.unitSeriesReader();
        this.policy = config.signalPolicy();
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.counts = context.getStateStore(StatisticsStores.INCIDENT_COUNTS);
        this.totals = context.getStateStore(StatisticsStores.SERIES_TOTALS);
        this.activity = context.getStateStore(StatisticsStores.UNIT_ACTIVITY);
        this.states = context.getStateStore(StatisticsStores.INCIDENT_SIGNAL_STATES);
        this.toChart = context.getStateStore(StatisticsStores.SERIES_TO_CHART);
        this.awaitingClose = context.getStateStore(StatisticsStores.SERIES_AWAITING_CLOSE);
        this.evaluator = new SeriesEvaluator(states, policy);
    }

    /**
     * Marks the series to be charted at the next round, on behalf of the record stamped {@code timestamp}; whether any
     * of the records since the last round was live (not history) is kept with the mark, in its lowest bit.
     */
    void changed(SeriesId.UnitSeries series, long timestamp, boolean live) {
        Long mark = toChart.get(series.id());
        boolean anyLive = live || mark != null && (mark & 1) == 1;
        toChart.put(series.id(), timestamp << 1 | (anyLive ? 1 : 0));
    }

    /** Charts every marked series as of stream time, once each, and removes its mark. */
    void chartChanged() {
        List<KeyValue<String, Long>> marked = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = toChart.all()) {
            it.forEachRemaining(marked::add);
        }
        Instant streamTime = streamTime();
        for (KeyValue<String, Long> mark : marked) {
            toChart.delete(mark.key);
            SeriesId.parseUnitSeries(mark.key).ifPresent(series -> chart(series, streamTime, mark.value >> 1, (mark.value & 1) == 0));
        }
    }

    /**
     * Charts the series as of {@code at} and forwards the signals it gained or lost, stamped {@code timestamp}; signals
     * found because history came in are marked as history. A series with nothing closed to chart yet waits for its
     * first period to close.
     */
    void chart(SeriesId.UnitSeries series, Instant at, long timestamp, boolean historyOnly) {
        Optional<SeriesData> data = seriesReader.read(totals, activity, series, at);
        if (data.isEmpty() && hasCounts(series)) {
            awaitingClose.put(series.id(), timestamp);
        } else {
            awaitingClose.delete(series.id());
        }
        evaluator.evaluate(data, at, historyOnly)
                .forEach(signal -> context.forward(new Record<>(signal.getSeriesId(), (SpecificRecord) signal, timestamp)));
    }

    private boolean hasCounts(SeriesId.UnitSeries series) {
        try (KeyValueIterator<String, Long> it = totals.prefixScan(series.id() + StatisticsStores.SEPARATOR,
                new org.apache.kafka.common.serialization.StringSerializer())) {
            return it.hasNext();
        }
    }

    Instant streamTime() {
        return Instant.ofEpochMilli(context.currentStreamTimeMs());
    }
}
