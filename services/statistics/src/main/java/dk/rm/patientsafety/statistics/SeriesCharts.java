package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.QualityIndicatorObservation;
import dk.rm.patientsafety.events.SeriesSignalState;
import dk.rm.patientsafety.events.StatisticalSignal;
import dk.rm.patientsafety.events.UnitActivity;
import dk.rm.patientsafety.spc.Chart;
import dk.rm.patientsafety.spc.ChartPoint;
import dk.rm.patientsafety.spc.ChartSpec;
import dk.rm.patientsafety.spc.ChartType;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads a series and charts it exactly as the stream last evaluated it: an incident series ends where it ended at
 * that evaluation, so the chart a dashboard shows and the signals published always agree.
 */
public final class SeriesCharts {

    private final ReadOnlyKeyValueStore<String, Long> totals;
    private final ReadOnlyKeyValueStore<String, UnitActivity> activity;
    private final ReadOnlyKeyValueStore<String, QualityIndicatorObservation> indicators;
    private final ReadOnlyKeyValueStore<String, SeriesSignalState> incidentStates;
    private final ReadOnlyKeyValueStore<String, SeriesSignalState> indicatorStates;
    private final StatisticsConfig config;

    public SeriesCharts(ReadOnlyKeyValueStore<String, Long> totals, ReadOnlyKeyValueStore<String, UnitActivity> activity,
                        ReadOnlyKeyValueStore<String, QualityIndicatorObservation> indicators,
                        ReadOnlyKeyValueStore<String, SeriesSignalState> incidentStates,
                        ReadOnlyKeyValueStore<String, SeriesSignalState> indicatorStates, StatisticsConfig config) {
        this.totals = totals;
        this.activity = activity;
        this.indicators = indicators;
        this.incidentStates = incidentStates;
        this.indicatorStates = indicatorStates;
        this.config = config;
    }

    /** Every series the stream has evaluated, by id; optionally those of one unit. */
    public List<SeriesView.Summary> list(Optional<String> unit) {
        List<SeriesView.Summary> summaries = new ArrayList<>();
        for (ReadOnlyKeyValueStore<String, SeriesSignalState> store : List.of(incidentStates, indicatorStates)) {
            try (KeyValueIterator<String, SeriesSignalState> it = store.all()) {
                it.forEachRemaining(entry -> {
                    if (unit.map(u -> entry.key.contains(":" + u + ":") || entry.key.endsWith(":" + u)).orElse(true)) {
                        summaries.add(new SeriesView.Summary(entry.key, entry.value.getSigmaPeriods(), entry.value.getLongestRun(),
                                entry.value.getFewCrossings()));
                    }
                });
            }
        }
        summaries.sort(Comparator.comparing(SeriesView.Summary::seriesId));
        return summaries;
    }

    /** The series and its chart as the stream charted it; empty if unknown. */
    public Optional<SeriesView> chart(String seriesId) {
        return chart(seriesId, 0, List.of());
    }

    /**
     * The series and its chart, with limits frozen on the first {@code freeze} points (0: none), or split into phases
     * starting at the given dates (e.g. an intervention), each phase computed on its own; empty if unknown.
     */
    public Optional<SeriesView> chart(String seriesId, int freeze, List<LocalDate> phaseStarts) {
        return chart(seriesId, freeze, phaseStarts, true);
    }

    /**
     * The same, with qicharts2's {@code qic.screenedmr} given: {@code false} draws the chart as qicharts2 does when called
     * unattached. The stream's signals always use screened ranges.
     */
    public Optional<SeriesView> chart(String seriesId, int freeze, List<LocalDate> phaseStarts, boolean screenedMovingRanges) {
        return chart(seriesId, freeze, phaseStarts, screenedMovingRanges, Optional.empty());
    }

    /**
     * The same, drawn on another chart of the same data: a series of days between events may be drawn as a T chart
     * (time between events) instead of its G chart; it cannot be when two events fell on one day (0 days).
     *
     * @throws IllegalArgumentException for a chart this series' data cannot be drawn on
     */
    public Optional<SeriesView> chart(String seriesId, int freeze, List<LocalDate> phaseStarts, boolean screenedMovingRanges,
                                      Optional<ChartType> otherChart) {
        return data(seriesId).map(data -> view(otherChart.map(type -> redrawn(data, type)).orElse(data), freeze, phaseStarts,
                screenedMovingRanges));
    }

    private static SeriesData redrawn(SeriesData data, ChartType type) {
        if (type == data.spec().type()) {
            return data;
        }
        if (!(SeriesId.parseBetween(data.seriesId()).isPresent() && type == ChartType.T)) {
            throw new IllegalArgumentException("Only a series of days between events can be drawn on another chart (T)");
        }
        return new SeriesData(data.seriesId(), data.title(), data.unit(), data.measure(), ChartSpec.of(type), data.points());
    }

    private Optional<SeriesData> data(String seriesId) {
        if (SeriesId.isIndicator(seriesId)) {
            return config.indicatorReader().read(indicators, seriesId);
        }
        Optional<SeriesId.UnitSeries> series = SeriesId.parseUnitSeries(seriesId);
        SeriesSignalState state = series.isPresent() ? incidentStates.get(seriesId) : null;
        if (state == null) {
            return Optional.empty();
        }
        return config.unitSeriesReader().read(totals, activity, series.get(), state.getEvaluatedAt());
    }

    private static SeriesView view(SeriesData data, int freeze, List<LocalDate> phaseStarts, boolean screenedMovingRanges) {
        ChartSpec spec = (freeze > 0 ? data.spec().withFreeze(freeze) : data.spec()).withScreenedMovingRanges(screenedMovingRanges);
        if (!phaseStarts.isEmpty()) {
            spec = spec.withParts(phaseIndices(data, phaseStarts));
        }
        Chart chart = data.chart(spec);
        List<SeriesView.Point> points = chart.points().stream().map(p -> point(data, p)).toList();
        List<SeriesView.Runs> runs = chart.runs().stream().map(r -> new SeriesView.Runs(r.part(), r.usefulObservations(),
                r.longestRun(), r.longestRunLimit(), r.crossings(), r.crossingsLimit(), r.runsSignal())).toList();
        // Signals standing now are those a first evaluation would raise.
        List<String> signals = new SignalTracker().evaluate(data, chart, null, Instant.EPOCH).signals().stream()
                .map(StatisticalSignal::getSentence).toList();
        return new SeriesView(data.seriesId(), data.title(), data.unit(), data.measure(), spec.type().name(), spec.multiply(),
                spec.freeze(), points, runs, signals);
    }

    /** A phase starts at the first period beginning on or after its date; a date before the series or after it starts none. */
    private static List<Integer> phaseIndices(SeriesData data, List<LocalDate> phaseStarts) {
        List<Integer> indices = new ArrayList<>();
        for (LocalDate start : phaseStarts) {
            for (int i = 1; i < data.points().size(); i++) {
                if (!data.points().get(i).periodStart().isBefore(start)) {
                    indices.add(i);
                    break;
                }
            }
        }
        return indices;
    }

    private static SeriesView.Point point(SeriesData data, ChartPoint p) {
        SeriesPoint source = data.points().get(p.index());
        return new SeriesView.Point(source.label(), source.periodStart(), source.periodEnd(), orNull(p.value()),
                orNull(source.observation().denominator()), orNull(p.centreLine()), orNull(p.lowerLimit()), orNull(p.upperLimit()),
                p.sigmaSignal(), p.baseline(), p.part(), source.target(), source.standardMet());
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
