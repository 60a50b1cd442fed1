package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.QualityIndicatorObservation;
import dk.rm.patientsafety.spc.ChartSpec;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds a quality-indicator series from its results, one point per reported period, in time order. */
public final class IndicatorSeriesReader {

    private final IndicatorChartRule chartRule;

    public IndicatorSeriesReader(IndicatorChartRule chartRule) {
        this.chartRule = chartRule;
    }

    public Optional<SeriesData> read(ReadOnlyKeyValueStore<String, QualityIndicatorObservation> store, String seriesId) {
        List<QualityIndicatorObservation> results = new ArrayList<>();
        try (KeyValueIterator<String, QualityIndicatorObservation> it =
                     store.prefixScan(seriesId + StatisticsStores.SEPARATOR, new StringSerializer())) {
            it.forEachRemaining(entry -> results.add(entry.value));
        }
        if (results.isEmpty()) {
            return Optional.empty();
        }
        ChartSpec spec = chartRule.chartFor(results);
        List<SeriesPoint> points = results.stream().map(r -> new SeriesPoint(r.getPeriodStart(), r.getPeriodEnd(),
                label(r), IndicatorChartRule.observation(spec.type(), r), r.getTarget(), StandardRule.met(r))).toList();
        QualityIndicatorObservation latest = results.get(results.size() - 1);
        return Optional.of(new SeriesData(seriesId, title(latest), latest.getUnitSorCode(), measure(latest), spec, points));
    }

    private static String label(QualityIndicatorObservation result) {
        return result.getPeriodStart() + "/" + result.getPeriodEnd();
    }

    private static String title(QualityIndicatorObservation result) {
        return "Indicator " + result.getIndicatorId() + " (" + result.getSource() + ", version " + result.getIndicatorVersion()
                + "), unit " + result.getUnitSorCode();
    }

    private static String measure(QualityIndicatorObservation result) {
        return switch (result.getKind()) {
            case PROPORTION -> "proportion";
            case COUNT -> "count";
            case RATE -> "rate";
            case MEASUREMENT, UNKNOWN -> "value";
        };
    }
}
