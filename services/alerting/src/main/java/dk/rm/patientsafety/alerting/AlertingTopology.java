package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.events.AlertStatus;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentCountChange;
import dk.rm.patientsafety.events.QualityIndicatorObservation;
import dk.rm.patientsafety.quality.QualitySeries;
import dk.rm.patientsafety.serde.AvroSerde;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.DeadLetterRouting;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The alerting stream: classified incidents, control-chart signals and quality-indicator results in, one alert per
 * serious incident, per cluster of similar incidents, per series and signal rule and per indicator streak below its
 * standard out, keyed by alert id. When a reclassification makes an alerted
 * incident no longer serious, or leaves a cluster too small, its alert is withdrawn, so alerts correct themselves.
 */
public final class AlertingTopology {

    public static final String APPLICATION_ID = "uth-alerting";
    static final String RAISED_ALERTS = "raised-alerts";

    private AlertingTopology() {
    }

    public static Topology build(SchemaRegistryClient registry, OrganisationRegister register, ClusterRule clusters, SpcSignalRule signals,
                                 IndicatorStandardRule standards, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        // Internal records: the application registers their subjects itself, as it does for its stores.
        Serde<IncidentCountChange> changes = AvroSerde.of(IncidentCountChange.class, registry, false, true);
        addStores(builder, registry, changes);
        KStream<String, IncidentClassified> incidents = DeadLetterRouting.decodeOrDeadLetter(builder, Topics.INCIDENTS_CLASSIFIED,
                Topics.INCIDENTS_CLASSIFIED.valueSerde(registry), Topics.DEAD_LETTERS.valueSerde(registry), APPLICATION_ID, clock);
        Produced<String, Alert> toAlerts = Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde(registry));
        incidents.process(() -> new RaiseOrWithdraw(register, clock), Named.as("raise-or-withdraw"), RAISED_ALERTS)
                .to(Topics.ALERTS.name(), toAlerts);
        incidents.process(ClusterMembership::new, Named.as("cluster-membership"), ClusterMembership.STORE)
                .repartition(Repartitioned.<String, IncidentCountChange>as("cluster-windows").withKeySerde(Serdes.String()).withValueSerde(changes))
                .process(() -> new ClusterDetector(clusters, register, clock), Named.as("cluster-detector"),
                        ClusterDetector.EVENTS, ClusterDetector.ALERTS, ClusterDetector.OPEN)
                .to(Topics.ALERTS.name(), toAlerts);
        DeadLetterRouting.decodeOrDeadLetter(builder, Topics.SIGNALS, Topics.SIGNALS.valueSerde(registry),
                        Topics.DEAD_LETTERS.valueSerde(registry), APPLICATION_ID, clock)
                .process(() -> new SpcSignalAlerts(signals, register, clock), Named.as("spc-signal-alerts"),
                        SpcSignalAlerts.ALERTS, SpcSignalAlerts.PENDING_CLEARS)
                .to(Topics.ALERTS.name(), toAlerts);
        // A single case's time has its own standard per case, not a period's; those are charted, not alerted on.
        DeadLetterRouting.decodeOrDeadLetter(builder, Topics.QUALITY_INDICATORS, Topics.QUALITY_INDICATORS.valueSerde(registry),
                        Topics.DEAD_LETTERS.valueSerde(registry), APPLICATION_ID, clock)
                .filter((key, result) -> result.getCaseId() == null, Named.as("indicator-periods"))
                .selectKey((key, result) -> QualitySeries.id(result), Named.as("indicator-standard-series"))
                .repartition(Repartitioned.<String, QualityIndicatorObservation>as("indicator-standard-by-series")
                        .withKeySerde(Serdes.String()).withValueSerde(Topics.QUALITY_INDICATORS.stateSerde(registry)))
                .process(() -> new IndicatorStandardAlerts(standards, register, clock), Named.as("indicator-standard-alerts"),
                        IndicatorStandardAlerts.RESULTS, IndicatorStandardAlerts.ALERTS)
                .to(Topics.ALERTS.name(), toAlerts);
        return builder.build();
    }

    private static void addStores(StreamsBuilder builder, SchemaRegistryClient registry, Serde<IncidentCountChange> changes) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RAISED_ALERTS),
                Topics.ALERTS.keySerde(), Topics.ALERTS.stateSerde(registry)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ClusterMembership.STORE), Serdes.String(), changes));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ClusterDetector.EVENTS), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ClusterDetector.ALERTS),
                Topics.ALERTS.keySerde(), Topics.ALERTS.stateSerde(registry)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ClusterDetector.OPEN), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SpcSignalAlerts.ALERTS),
                Topics.ALERTS.keySerde(), Topics.ALERTS.stateSerde(registry)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SpcSignalAlerts.PENDING_CLEARS),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(IndicatorStandardAlerts.RESULTS),
                Serdes.String(), Topics.QUALITY_INDICATORS.stateSerde(registry)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(IndicatorStandardAlerts.ALERTS),
                Topics.ALERTS.keySerde(), Topics.ALERTS.stateSerde(registry)));
    }

    /**
     * Raises an alert when the rule fires, and withdraws a standing one when a later classification no longer fires it.
     * An alert keeps the time it was first raised through every change; a classification that changes nothing (a
     * redelivery, a replay) publishes nothing.
     */
    private static final class RaiseOrWithdraw extends AlertProcessor<IncidentClassified> {

        RaiseOrWithdraw(OrganisationRegister register, Clock clock) {
            super(RAISED_ALERTS, register, clock);
        }

        @Override
        public void process(Record<String, IncidentClassified> record) {
            String alertId = SeriousIncidentRule.alertId(record.value().getReportId());
            Alert standing = alerts.get(alertId);
            Instant now = clock.instant();
            Optional<Alert> fired = SeriousIncidentRule.evaluate(record.value(),
                    register.lineage(record.value().getReport().getIncidentLocation()), now);
            Alert next;
            if (fired.isPresent()) {
                next = standing == null ? fired.get() : Alert.newBuilder(fired.get()).setRaisedAt(standing.getRaisedAt()).build();
            } else if (standing != null && standing.getStatus() != AlertStatus.WITHDRAWN) {
                next = Alert.newBuilder(standing)
                        .setStatus(AlertStatus.WITHDRAWN)
                        .setOverallSeverity(record.value().getOverallSeverity())
                        .setReason(SeriousIncidentRule.withdrawalReason(record.value().getOverallSeverity()))
                        .setUpdatedAt(now)
                        .build();
            } else {
                return;
            }
            publishIfChanged(record.timestamp(), next, standing);
        }
    }
}
