package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.QualityIndicatorObservation;
import dk.rm.patientsafety.quality.QualitySeries;
import dk.rm.patientsafety.spc.ChartSpec;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Builds a quality-indicator series from its results, one point per reported period, in time order; a series of single
 * cases (a pathway's times) from its latest {@value #LATEST_CASES} cases, one point per case in the order their times ended.
 */
public final class IndicatorSeriesReader {

    /** As many as a G chart of days between incidents keeps: enough for limits, recent enough to be today's process. */
    public static final int LATEST_CASES = 100;

    private final IndicatorChartRule chartRule;

    public IndicatorSeriesReader(IndicatorChartRule chartRule) {
        this.chartRule = chartRule;
    }

    public Optional<SeriesData> read(ReadOnlyKeyValueStore<String, QualityIndicatorObservation> store, String seriesId) {
        List<QualityIndicatorObservation> results = new ArrayList<>();
        String prefix = seriesId + StatisticsStores.SEPARATOR;
        // Newest first, so that a series of cases, however long its history, reads only the cases it charts.
        try (KeyValueIterator<String, QualityIndicatorObservation> it = store.reverseRange(prefix, prefix + Character.MAX_VALUE)) {
            while (it.hasNext() && !(results.size() == LATEST_CASES && results.get(0).getCaseId() != null)) {
                results.add(it.next().value);
            }
        }
        if (results.isEmpty()) {
            return Optional.empty();
        }
        Collections.reverse(results);
        ChartSpec spec = chartRule.chartFor(results);
        List<SeriesPoint> points = results.stream().map(r -> point(spec, r)).toList();
        QualityIndicatorObservation latest = results.get(results.size() - 1);
        return Optional.of(new SeriesData(seriesId, title(latest), latest.getUnitSorCode(), measure(latest), spec, points));
    }

    /** A case is dated by the day its time ended, the day it became known. */
    private static SeriesPoint point(ChartSpec spec, QualityIndicatorObservation result) {
        LocalDate start = result.getCaseId() == null ? result.getPeriodStart() : result.getPeriodEnd();
        return new SeriesPoint(start, result.getPeriodEnd(), label(result), IndicatorChartRule.observation(spec.type(), result),
                result.getTarget(), QualitySeries.standardMet(result));
    }

    private static String label(QualityIndicatorObservation result) {
        String period = result.getPeriodStart() + "/" + result.getPeriodEnd();
        return result.getCaseId() == null ? period : result.getCaseId() + " (" + period + ")";
    }

    private static String title(QualityIndicatorObservation result) {
        if (result.getCaseId() != null) {
            return "Days per case of " + result.getIndicatorId() + " (" + result.getSource() + "), unit " + result.getUnitSorCode();
        }
        return "Indicator " + result.getIndicatorId() + " (" + result.getSource() + ", version " + result.getIndicatorVersion()
                + "), unit " + result.getUnitSorCode();
    }

    private static String measure(QualityIndicatorObservation result) {
        if (result.getCaseId() != null) {
            return "days";
        }
        return switch (result.getKind()) {
            case PROPORTION -> "proportion";
            case COUNT -> "count";
            case RATE -> "rate";
            case MEASUREMENT, UNKNOWN -> "value";
        };
    }
}
