package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.IncidentCount;
import dk.rm.patientsafety.events.SeriesSignalState;
import dk.rm.patientsafety.events.UnitActivity;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;

/**
 * The stores and the charting shared by the processors of the unit-keyed sub-topology (counts and activity): a
 * unit's incident series are read from its counts and activity, judged, and their signal changes forwarded.
 */
abstract class UnitSeriesProcessor<V> implements Processor<String, V, String, SpecificRecord> {

    final IncidentSeriesReader reader;
    private final SignalPolicy policy;
    ProcessorContext<String, SpecificRecord> context;
    KeyValueStore<String, IncidentCount> counts;
    KeyValueStore<String, UnitActivity> activity;
    KeyValueStore<String, SeriesSignalState> states;
    private SeriesEvaluator evaluator;

    UnitSeriesProcessor(StatisticsConfig config) {
        this.reader = config.incidentReader();
        this.policy = config.signalPolicy();
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.counts = context.getStateStore(StatisticsStores.INCIDENT_COUNTS);
        this.activity = context.getStateStore(StatisticsStores.UNIT_ACTIVITY);
        this.states = context.getStateStore(StatisticsStores.INCIDENT_SIGNAL_STATES);
        this.evaluator = new SeriesEvaluator(states, policy);
    }

    /** Charts the series as of {@code at} and forwards the signals it gained or lost, stamped {@code timestamp}. */
    void chart(SeriesId.IncidentSeries series, Instant at, long timestamp) {
        evaluator.evaluate(reader.read(counts, activity, series, at), at)
                .forEach(signal -> context.forward(new Record<>(signal.getSeriesId(), (SpecificRecord) signal, timestamp)));
    }

    Instant streamTime() {
        return Instant.ofEpochMilli(context.currentStreamTimeMs());
    }
}
