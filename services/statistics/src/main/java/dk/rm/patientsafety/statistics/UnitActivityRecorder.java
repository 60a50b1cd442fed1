package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.IncidentCount;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.PeriodGranularity;
import dk.rm.patientsafety.events.UnitActivity;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps a unit's monthly activity and re-evaluates its monthly incident series, whose rates it is the denominator of. */
final class UnitActivityRecorder implements Processor<String, UnitActivity, String, SpecificRecord> {

    private final IncidentSeriesReader reader;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, IncidentCount> counts;
    private KeyValueStore<String, UnitActivity> activity;
    private SeriesEvaluator evaluator;

    UnitActivityRecorder(IncidentSeriesReader reader) {
        this.reader = reader;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.counts = context.getStateStore(StatisticsStores.INCIDENT_COUNTS);
        this.activity = context.getStateStore(StatisticsStores.UNIT_ACTIVITY);
        this.evaluator = new SeriesEvaluator(context.getStateStore(StatisticsStores.INCIDENT_SIGNAL_STATES));
    }

    @Override
    public void process(Record<String, UnitActivity> record) {
        UnitActivity figures = record.value();
        activity.put(StatisticsStores.activityKey(figures.getUnitSorCode(), figures.getPeriodStart()), figures);
        Instant streamTime = Instant.ofEpochMilli(context.currentStreamTimeMs());
        LocalDate today = streamTime.atZone(GracePeriods.DANISH_TIME).toLocalDate();
        for (Optional<IncidentType> type : everyTypeAndAll()) {
            SeriesId.IncidentSeries series = new SeriesId.IncidentSeries(PeriodGranularity.MONTH, figures.getUnitSorCode(), type);
            evaluator.evaluate(reader.read(counts, activity, series, today), streamTime)
                    .forEach(signal -> context.forward(record.withKey(signal.getSeriesId()).withValue(signal)));
        }
    }

    private static List<Optional<IncidentType>> everyTypeAndAll() {
        List<Optional<IncidentType>> types = new ArrayList<>();
        for (IncidentType type : IncidentType.values()) {
            types.add(Optional.of(type));
        }
        types.add(Optional.empty());
        return types;
    }
}
