package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.IncidentCount;
import dk.rm.patientsafety.events.IncidentType;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A series' in-time count per period, summed over severities (and over types for the all-types series); zero is no key. */
final class SeriesTotals {

    private SeriesTotals() {
    }

    static void add(KeyValueStore<String, Long> totals, String seriesId, LocalDate periodStart, long delta) {
        String key = StatisticsStores.totalKey(seriesId, periodStart);
        Long stored = totals.get(key);
        long total = (stored == null ? 0 : stored) + delta;
        if (total == 0) {
            totals.delete(key);
        } else {
            totals.put(key, total);
        }
    }

    /**
     * Totals the counts once where a task has counts but no totals: the state of a version that charted straight from
     * the counts, which a replay could not rebuild, since it changes no count it already holds.
     */
    static void rebuildIfMissing(KeyValueStore<String, IncidentCount> counts, KeyValueStore<String, Long> totals) {
        try (KeyValueIterator<String, Long> any = totals.all(); KeyValueIterator<String, IncidentCount> counted = counts.all()) {
            if (any.hasNext() || !counted.hasNext()) {
                return;
            }
            Map<String, Long> sums = new HashMap<>();
            counted.forEachRemaining(entry -> {
                IncidentCount count = entry.value;
                if (count.getCount() != 0) {
                    for (Optional<IncidentType> type : List.of(Optional.of(count.getIncidentType()), Optional.<IncidentType>empty())) {
                        String series = SeriesId.incidents(count.getGranularity(), count.getUnitSorCode(), type);
                        sums.merge(StatisticsStores.totalKey(series, count.getPeriodStart()), count.getCount(), Long::sum);
                    }
                }
            });
            sums.forEach((key, total) -> totals.put(key, total));
        }
    }
}
