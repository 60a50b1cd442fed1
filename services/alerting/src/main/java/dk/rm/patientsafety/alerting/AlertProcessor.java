package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;

/**
 * What every cause's processor shares: its alerts store, which holds each alert as last published so the next change
 * is compared with it, and the publishing itself (keyed by alert id, only when something changed).
 */
abstract class AlertProcessor<V> implements Processor<String, V, String, Alert> {

    private final String alertStore;
    final OrganisationRegister register;
    final Clock clock;
    ProcessorContext<String, Alert> context;
    KeyValueStore<String, Alert> alerts;

    AlertProcessor(String alertStore, OrganisationRegister register, Clock clock) {
        this.alertStore = alertStore;
        this.register = register;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.alerts = context.getStateStore(alertStore);
    }

    /** Publishes {@code next} unless it says what {@code standing} (null: none yet) already says. */
    void publishIfChanged(long timestamp, Alert next, Alert standing) {
        if (!AlertChanges.unchanged(next, standing)) {
            publish(timestamp, next);
        }
    }

    void publish(long timestamp, Alert alert) {
        alerts.put(alert.getAlertId(), alert);
        context.forward(new Record<>(alert.getAlertId(), alert, timestamp));
    }
}
