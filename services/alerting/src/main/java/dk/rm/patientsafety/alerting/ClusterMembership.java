package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentCountChange;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.List;

/**
 * An incident is in the cluster window of its incident location and latest type: a reclassification takes it out of
 * the old window (-1) and puts it into the new one (+1); a classification that changes neither changes nothing. Keyed
 * by report id in, by location and type out, so one task holds a window.
 */
final class ClusterMembership implements Processor<String, IncidentClassified, String, IncidentCountChange> {

    static final String STORE = "cluster-members";

    private ProcessorContext<String, IncidentCountChange> context;
    private KeyValueStore<String, IncidentCountChange> members;

    static String windowKey(IncidentCountChange change) {
        return change.getUnitSorCode() + "|" + change.getIncidentType().name();
    }

    @Override
    public void init(ProcessorContext<String, IncidentCountChange> context) {
        this.context = context;
        this.members = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, IncidentClassified> record) {
        IncidentCountChange previous = members.get(record.key());
        IncidentCountChange current = record.value() == null ? null : memberOf(record.value());
        if (previous != null && current != null && windowKey(previous).equals(windowKey(current))
                && previous.getEventDate().equals(current.getEventDate())) {
            return;
        }
        if (previous != null) {
            context.forward(record.withKey(windowKey(previous)).withValue(IncidentCountChange.newBuilder(previous).setDelta(-1).build()));
        }
        if (current == null) {
            members.delete(record.key());
            return;
        }
        members.put(record.key(), current);
        context.forward(record.withKey(windowKey(current)).withValue(current));
    }

    private static IncidentCountChange memberOf(IncidentClassified incident) {
        return IncidentCountChange.newBuilder()
                .setReportId(incident.getReportId())
                .setUnitSorCode(incident.getReport().getIncidentLocation())
                .setIncidentType(incident.getIncidentType())
                .setOverallSeverity(incident.getOverallSeverity())
                .setEventDate(incident.getReport().getEventDate())
                .setReceivedAt(incident.getReport().getReceivedAt())
                .setDelta(1)
                .setReplaces(null)
                .setCountedIn(List.of(incident.getReport().getIncidentLocation()))
                .setHistorical(incident.getReport().getHistorical())
                .setResponsibleUnit(incident.getResponsibleUnit())
                .build();
    }
}
