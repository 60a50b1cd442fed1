package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentCountChange;
import dk.rm.patientsafety.events.ReplacedCount;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An incident counts once per unit of its lineage (where it happened, the hospital, the region), in the bucket of its
 * latest classification: a reclassification moves it from the old bucket to the new one; a replayed classification
 * changes nothing. Keyed by report id in, by unit out, so one task holds a unit's counts.
 */
final class IncidentChanges implements Processor<String, IncidentClassified, String, IncidentCountChange> {

    private final OrganisationRegister register;
    private KeyValueStore<String, IncidentCountChange> counted;
    private ProcessorContext<String, IncidentCountChange> context;

    IncidentChanges(OrganisationRegister register) {
        this.register = register;
    }

    @Override
    public void init(ProcessorContext<String, IncidentCountChange> context) {
        this.context = context;
        this.counted = context.getStateStore(StatisticsStores.COUNTED_INCIDENTS);
    }

    @Override
    public void process(Record<String, IncidentClassified> record) {
        IncidentCountChange previous = counted.get(record.key());
        IncidentCountChange current = record.value() == null ? null : countOf(record.value());
        if (Objects.equals(previous, current)) {
            return;
        }
        changesPerUnit(previous, current).forEach((unit, change) -> context.forward(record.withKey(unit).withValue(change)));
        if (current == null) {
            counted.delete(record.key());
        } else {
            counted.put(record.key(), current);
        }
    }

    /**
     * One change per unit: -1 where the incident leaves the unit's lineage, +1 where it enters, and a move (+1 replacing
     * the old bucket) where it stays, so a reclassification never shows a unit the state in between.
     */
    private static Map<String, IncidentCountChange> changesPerUnit(IncidentCountChange previous, IncidentCountChange current) {
        Map<String, IncidentCountChange> changes = new LinkedHashMap<>();
        if (previous != null) {
            previous.getCountedIn().forEach(unit -> changes.put(unit, inUnit(previous, unit).setDelta(-1).build()));
        }
        if (current != null) {
            for (String unit : current.getCountedIn()) {
                IncidentCountChange removal = changes.remove(unit);
                IncidentCountChange.Builder addition = inUnit(current, unit).setDelta(1);
                if (removal == null) {
                    changes.put(unit, addition.build());
                } else if (!sameBucket(removal, current)) {
                    changes.put(unit, addition.setReplaces(new ReplacedCount(removal.getIncidentType(), removal.getOverallSeverity(),
                            removal.getEventDate(), removal.getReceivedAt())).build());
                }
            }
        }
        return changes;
    }

    private static IncidentCountChange.Builder inUnit(IncidentCountChange change, String unit) {
        return IncidentCountChange.newBuilder(change).setUnitSorCode(unit).setReplaces(null);
    }

    private static boolean sameBucket(IncidentCountChange a, IncidentCountChange b) {
        return a.getIncidentType() == b.getIncidentType() && a.getOverallSeverity() == b.getOverallSeverity()
                && a.getEventDate().equals(b.getEventDate()) && a.getReceivedAt().equals(b.getReceivedAt());
    }

    private IncidentCountChange countOf(IncidentClassified incident) {
        String location = incident.getReport().getIncidentLocation();
        return IncidentCountChange.newBuilder()
                .setReportId(incident.getReportId())
                .setUnitSorCode(location)
                .setCountedIn(register.lineage(location))
                .setIncidentType(incident.getIncidentType())
                .setOverallSeverity(incident.getOverallSeverity())
                .setEventDate(incident.getReport().getEventDate())
                .setReceivedAt(incident.getReport().getReceivedAt())
                .setDelta(1)
                .setHistorical(incident.getReport().getHistorical())
                .build();
    }
}
