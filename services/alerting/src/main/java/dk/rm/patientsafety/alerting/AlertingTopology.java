package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.events.AlertStatus;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.DeadLetterRouting;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;
import java.util.Optional;

/**
 * The alerting stream: classified incidents in, one alert per serious incident out, keyed by alert id. When a
 * reclassification makes an alerted incident no longer serious, its alert is withdrawn, so alerts correct themselves.
 */
public final class AlertingTopology {

    public static final String APPLICATION_ID = "uth-alerting";
    static final String RAISED_ALERTS = "raised-alerts";

    private AlertingTopology() {
    }

    public static Topology build(SchemaRegistryClient registry, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RAISED_ALERTS),
                Topics.ALERTS.keySerde(), Topics.ALERTS.stateSerde(registry)));
        DeadLetterRouting.decodeOrDeadLetter(builder, Topics.INCIDENTS_CLASSIFIED, Topics.INCIDENTS_CLASSIFIED.valueSerde(registry),
                        Topics.DEAD_LETTERS.valueSerde(registry), APPLICATION_ID, clock)
                .process(() -> new RaiseOrWithdraw(clock), Named.as("raise-or-withdraw"), RAISED_ALERTS)
                .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde(registry)));
        return builder.build();
    }

    /** Raises an alert when the rule fires, and withdraws a standing one when a later classification no longer fires it. */
    private static final class RaiseOrWithdraw implements Processor<String, IncidentClassified, String, Alert> {

        private final Clock clock;
        private ProcessorContext<String, Alert> context;
        private KeyValueStore<String, Alert> raised;

        RaiseOrWithdraw(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void init(ProcessorContext<String, Alert> context) {
            this.context = context;
            this.raised = context.getStateStore(RAISED_ALERTS);
        }

        @Override
        public void process(Record<String, IncidentClassified> record) {
            String alertId = SeriousIncidentRule.alertId(record.value().getReportId());
            Optional<Alert> alert = SeriousIncidentRule.evaluate(record.value(), clock.instant());
            if (alert.isPresent()) {
                raised.put(alertId, alert.get());
                context.forward(record.withKey(alertId).withValue(alert.get()));
                return;
            }
            Alert standing = raised.delete(alertId);
            if (standing != null) {
                Alert withdrawn = Alert.newBuilder(standing)
                        .setStatus(AlertStatus.WITHDRAWN)
                        .setOverallSeverity(record.value().getOverallSeverity())
                        .setReason("Withdrawn: the incident was reclassified as " + record.value().getOverallSeverity() + ".")
                        .setRaisedAt(clock.instant())
                        .build();
                context.forward(record.withKey(alertId).withValue(withdrawn));
            }
        }
    }
}
