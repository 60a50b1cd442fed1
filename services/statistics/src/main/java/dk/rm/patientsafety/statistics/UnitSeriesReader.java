package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.UnitActivity;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Instant;
import java.util.Optional;

/** Reads any series of a unit from the unit-keyed stores with the reader of its kind: counts per period or days between events. */
public record UnitSeriesReader(IncidentSeriesReader counts, BetweenSeriesReader between) {

    public Optional<SeriesData> read(ReadOnlyKeyValueStore<String, Long> totals, ReadOnlyKeyValueStore<String, UnitActivity> activity,
                                     SeriesId.UnitSeries series, Instant now) {
        return series instanceof SeriesId.BetweenSeries events ? between.read(totals, events, now)
                : counts.read(totals, activity, (SeriesId.IncidentSeries) series, now);
    }
}
