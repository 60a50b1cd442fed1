package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.events.AlertEvent;
import dk.rm.patientsafety.events.AlertStatus;
import dk.rm.patientsafety.events.LearningAlertState;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.function.UnaryOperator;

/**
 * Where each serious incident's alert stands: the alert (its report, date, withdrawal) and the latest of its follow-up
 * steps, which may come first. A step of another kind of alert is kept too (a step does not say its alert's kind) and
 * never shown.
 */
abstract class AlertRecorder<V> implements Processor<String, V, Void, Void> {

    private KeyValueStore<String, LearningAlertState> alerts;
    private KeyValueStore<String, String> alertOfReport;
    private ChangeMarks changes;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        alerts = context.getStateStore(LearningStores.ALERTS);
        alertOfReport = context.getStateStore(LearningStores.ALERT_OF_REPORT);
        changes = new ChangeMarks(context);
    }

    void update(String alertId, UnaryOperator<LearningAlertState> change) {
        LearningAlertState before = alerts.get(alertId);
        LearningAlertState next = change.apply(LearningAlertState.newBuilder(before == null
                ? LearningAlertState.newBuilder().setAlertId(alertId).build() : before).build());
        if (next.equals(before)) {
            return;
        }
        alerts.put(alertId, next);
        if (next.getReportId() != null) {
            alertOfReport.put(next.getReportId(), alertId);
        }
        if (next.getEventDate() != null) {
            changes.period(next.getEventDate());
        }
    }

    /** The alerts topic: the serious-incident alerts only (the topology filters). */
    static final class Alerts extends AlertRecorder<Alert> {
        @Override
        public void process(Record<String, Alert> record) {
            Alert alert = record.value();
            update(alert.getAlertId(), state -> {
                state.setReportId(alert.getReportId());
                state.setEventDate(alert.getEventDate());
                state.setWithdrawn(alert.getStatus() == AlertStatus.WITHDRAWN);
                return state;
            });
        }
    }

    /** The follow-up steps: a step older than the one already read (a late redelivery) changes nothing. */
    static final class Steps extends AlertRecorder<AlertEvent> {
        @Override
        public void process(Record<String, AlertEvent> record) {
            AlertEvent step = record.value();
            update(step.getAlertId(), state -> {
                if (step.getSequence() > state.getSequence()) {
                    state.setFollowUp(step.getToStatus());
                    state.setSequence(step.getSequence());
                }
                return state;
            });
        }
    }
}
