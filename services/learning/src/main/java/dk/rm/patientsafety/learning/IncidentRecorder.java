package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.LearningIncident;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.LocalDate;

/** Files each incident under its date, moving it when a correction changes the date, and marks the periods it changes. */
final class IncidentRecorder implements Processor<String, LearningIncident, Void, Void> {

    private KeyValueStore<String, LearningIncident> incidents;
    private KeyValueStore<String, String> dates;
    private ChangeMarks changes;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        incidents = context.getStateStore(LearningStores.INCIDENTS);
        dates = context.getStateStore(LearningStores.INCIDENT_DATES);
        changes = new ChangeMarks(context);
    }

    @Override
    public void process(Record<String, LearningIncident> record) {
        LearningIncident next = record.value();
        String reportId = next.getReportId();
        String filedOn = dates.get(reportId);
        LearningIncident before = filedOn == null ? null : incidents.get(LearningStores.dated(LocalDate.parse(filedOn), reportId));
        if (next.equals(before)) {
            // A redelivery, a replay, or a reclassification that changes nothing a summary shows.
            return;
        }
        if (before != null && !before.getEventDate().equals(next.getEventDate())) {
            incidents.delete(LearningStores.dated(before.getEventDate(), reportId));
            changes.period(before.getEventDate());
        }
        incidents.put(LearningStores.dated(next.getEventDate(), reportId), next);
        dates.put(reportId, next.getEventDate().toString());
        changes.report(next.getEventDate());
    }
}
