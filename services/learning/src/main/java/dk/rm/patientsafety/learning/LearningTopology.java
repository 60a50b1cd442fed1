package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.AlertKind;
import dk.rm.patientsafety.events.AlertStatus;
import dk.rm.patientsafety.events.LearningIncident;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.DeadLetterRouting;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.topics.Topic;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

import java.time.Clock;

/**
 * The learning stream: classified incidents, signals, alerts and their follow-up steps, and the subscriptions in; one
 * summary per subscription and closed period out, on the compacted summaries topic, keyed {@code subscriptionId|period}.
 * Everything meets in one partition, because a summary reads incidents of every unit and subscriptions are few.
 */
public final class LearningTopology {

    public static final String APPLICATION_ID = "uth-learning";

    private LearningTopology() {
    }

    public static Topology build(SchemaRegistryClient registry, OrganisationRegister register, SummarySchedule schedule, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        LearningStores.add(builder, registry);
        Serde<LearningIncident> facts = LearningStores.incidentSerde(registry);
        read(builder, registry, Topics.INCIDENTS_CLASSIFIED, clock)
                .mapValues(incident -> LearningFacts.of(incident, register), Named.as("learning-facts"))
                .repartition(inOnePartition("learning-incidents", facts))
                .process(IncidentRecorder::new, Named.as("record-incidents"), LearningStores.INCIDENT_STORES);
        read(builder, registry, Topics.SIGNALS, clock)
                .repartition(inOnePartition("learning-signals", Topics.SIGNALS.stateSerde(registry)))
                .process(SignalRecorder::new, Named.as("record-signals"), LearningStores.SIGNAL_STORES);
        // A backfill's alerts are never delivered to anyone; its incidents are listed without one.
        read(builder, registry, Topics.ALERTS, clock)
                .filter((id, alert) -> alert.getKind() == AlertKind.SERIOUS_INCIDENT && alert.getReportId() != null
                        && alert.getStatus() != AlertStatus.HISTORICAL, Named.as("serious-incident-alerts"))
                .repartition(inOnePartition("learning-alerts", Topics.ALERTS.stateSerde(registry)))
                .process(AlertRecorder.Alerts::new, Named.as("record-alerts"), LearningStores.ALERT_STORES);
        read(builder, registry, Topics.ALERT_EVENTS, clock)
                .selectKey((key, step) -> step.getAlertId(), Named.as("steps-by-alert"))
                .repartition(inOnePartition("learning-alert-steps", Topics.ALERT_EVENTS.stateSerde(registry)))
                .process(AlertRecorder.Steps::new, Named.as("record-alert-steps"), LearningStores.ALERT_STORES);
        // Read raw: a tombstone (a deleted subscription) is news here, not an undecodable record.
        builder.stream(Topics.LEARNING_SUBSCRIPTIONS.name(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("read-" + Topics.LEARNING_SUBSCRIPTIONS.name()))
                .process(() -> new SummaryPublisher(Topics.LEARNING_SUBSCRIPTIONS.valueSerde(registry).deserializer(),
                        new SummaryBuilder(register), schedule, clock), Named.as("publish-summaries"), LearningStores.PUBLISHER_STORES)
                .to(Topics.LEARNING_SUMMARIES.name(),
                        Produced.with(Topics.LEARNING_SUMMARIES.keySerde(), Topics.LEARNING_SUMMARIES.valueSerde(registry)));
        return builder.build();
    }

    private static <V> KStream<String, V> read(StreamsBuilder builder, SchemaRegistryClient registry, Topic<String, V> topic, Clock clock) {
        return DeadLetterRouting.decodeOrDeadLetter(builder, topic, topic.valueSerde(registry), Topics.DEAD_LETTERS.valueSerde(registry),
                APPLICATION_ID, clock);
    }

    private static <V> Repartitioned<String, V> inOnePartition(String name, Serde<V> values) {
        return Repartitioned.<String, V>as(name).withKeySerde(Serdes.String()).withValueSerde(values).withNumberOfPartitions(1);
    }
}
