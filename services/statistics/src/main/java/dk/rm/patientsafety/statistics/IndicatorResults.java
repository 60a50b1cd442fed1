package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.QualityIndicatorObservation;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;

/**
 * Keeps each indicator series' results (a corrected result for a period or a case replaces the first) and re-evaluates
 * the series' chart on every result. Keyed by series id, so one task holds a whole series.
 */
final class IndicatorResults implements Processor<String, QualityIndicatorObservation, String, SpecificRecord> {

    private final IndicatorSeriesReader reader;
    private final SignalPolicy policy;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, QualityIndicatorObservation> results;
    private KeyValueStore<String, String> cases;
    private SeriesEvaluator evaluator;

    IndicatorResults(StatisticsConfig config) {
        this.reader = config.indicatorReader();
        this.policy = config.signalPolicy();
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.results = context.getStateStore(StatisticsStores.INDICATOR_OBSERVATIONS);
        this.cases = context.getStateStore(StatisticsStores.INDICATOR_CASES);
        this.evaluator = new SeriesEvaluator(context.getStateStore(StatisticsStores.INDICATOR_SIGNAL_STATES), policy);
    }

    @Override
    public void process(Record<String, QualityIndicatorObservation> record) {
        results.put(resultKey(record.key(), record.value()), record.value());
        evaluator.evaluate(reader.read(results, record.key()), Instant.ofEpochMilli(record.timestamp()), false)
                .forEach(signal -> context.forward(record.withValue(signal)));
    }

    /** A period's result replaces that period's; a case's replaces the case, wherever its corrected dates put it. */
    private String resultKey(String seriesId, QualityIndicatorObservation result) {
        if (result.getCaseId() == null) {
            return StatisticsStores.indicatorKey(seriesId, result.getPeriodStart());
        }
        String key = StatisticsStores.casePointKey(seriesId, result.getPeriodEnd(), result.getCaseId());
        String previous = cases.get(StatisticsStores.caseKey(seriesId, result.getCaseId()));
        if (previous != null && !previous.equals(key)) {
            results.delete(previous);
        }
        cases.put(StatisticsStores.caseKey(seriesId, result.getCaseId()), key);
        return key;
    }
}
