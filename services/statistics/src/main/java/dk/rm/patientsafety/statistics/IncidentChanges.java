package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentCountChange;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Objects;

/**
 * An incident counts once per unit of its lineage (where it happened, the hospital, the region), in the bucket of its
 * latest classification: a reclassification takes it out of the old bucket (-1) and puts it in the new one (+1); a
 * replayed classification changes nothing. Keyed by report id in, by unit out, so one task holds a unit's counts.
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
        if (previous != null) {
            forEachUnit(record, IncidentCountChange.newBuilder(previous).setDelta(-1).build());
        }
        if (current == null) {
            counted.delete(record.key());
        } else {
            forEachUnit(record, current);
            counted.put(record.key(), current);
        }
    }

    private void forEachUnit(Record<String, IncidentClassified> record, IncidentCountChange change) {
        for (String unit : change.getCountedIn()) {
            context.forward(record.withKey(unit).withValue(IncidentCountChange.newBuilder(change).setUnitSorCode(unit).build()));
        }
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
                .build();
    }
}
