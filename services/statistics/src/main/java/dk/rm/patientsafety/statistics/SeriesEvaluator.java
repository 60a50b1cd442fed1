package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.SeriesSignalState;
import dk.rm.patientsafety.events.StatisticalSignal;
import dk.rm.patientsafety.spc.Chart;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Charts a series, compares its signals with those it showed last time, remembers them, and returns the changes. A
 * series the policy does not judge is remembered without signals (any it showed are cleared), so it is listed and
 * re-charted all the same.
 */
final class SeriesEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(SeriesEvaluator.class);

    private final SignalTracker tracker = new SignalTracker();
    private final KeyValueStore<String, SeriesSignalState> states;
    private final SignalPolicy policy;

    SeriesEvaluator(KeyValueStore<String, SeriesSignalState> states, SignalPolicy policy) {
        this.states = states;
        this.policy = policy;
    }

    /** @param historyOnly the series changed only because history came in: whatever it signals now is history too */
    List<StatisticalSignal> evaluate(Optional<SeriesData> series, Instant at, boolean historyOnly) {
        if (series.isEmpty()) {
            return List.of();
        }
        SeriesData data = series.get();
        if (!policy.judges(data)) {
            SignalTracker.Evaluation silenced = tracker.silence(data, states.get(data.seriesId()), at);
            states.put(data.seriesId(), silenced.state());
            return markHistory(data, silenced.signals(), historyOnly);
        }
        Chart chart;
        try {
            chart = data.chart();
        } catch (IllegalArgumentException e) {
            // e.g. a proportion series whose results are all suppressed: nothing to chart yet, and nothing to signal.
            LOG.info("Series {} cannot be charted yet: {}", data.seriesId(), e.getMessage());
            return List.of();
        }
        SignalTracker.Evaluation evaluation = tracker.evaluate(data, chart, states.get(data.seriesId()), at);
        states.put(data.seriesId(), evaluation.state());
        return markHistory(data, evaluation.signals(), historyOnly);
    }

    /**
     * A signal found because history came in, or none of whose points is the series' newest period, is history:
     * recorded for the chart, not news to push to anyone.
     */
    private static List<StatisticalSignal> markHistory(SeriesData data, List<StatisticalSignal> signals, boolean historyOnly) {
        LocalDate newest = data.points().get(data.points().size() - 1).periodStart();
        signals.forEach(signal -> signal.setHistorical(historyOnly
                || signal.getPoints().stream().noneMatch(p -> p.getPeriodStart().equals(newest))));
        return signals;
    }
}
