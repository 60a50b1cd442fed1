package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.PeriodGranularity;
import dk.rm.patientsafety.events.UnitActivity;
import org.apache.kafka.streams.processor.api.Record;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps a unit's monthly activity and re-charts its monthly incident series, whose rates it is the denominator of. */
final class UnitActivityRecorder extends UnitSeriesProcessor<UnitActivity> {

    UnitActivityRecorder(StatisticsConfig config) {
        super(config);
    }

    @Override
    public void process(Record<String, UnitActivity> record) {
        UnitActivity figures = record.value();
        activity.put(StatisticsStores.activityKey(figures.getUnitSorCode(), figures.getPeriodStart()), figures);
        for (Optional<IncidentType> type : everyTypeAndAll()) {
            changed(new SeriesId.IncidentSeries(PeriodGranularity.MONTH, figures.getUnitSorCode(), type), record.timestamp(), true);
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
