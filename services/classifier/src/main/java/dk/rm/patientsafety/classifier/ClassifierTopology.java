package dk.rm.patientsafety.classifier;

import dk.rm.patientsafety.events.ClassificationOverride;
import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.DeadLetterRouting;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;

/**
 * The classifier's stream: every report is classified automatically, and again whenever a caseworker overrides
 * it, so the latest classification on the topic always reflects the final word. Undecodable records go to the
 * dead letters.
 */
public final class ClassifierTopology {

    public static final String APPLICATION_ID = "uth-classifier";
    /** The reports by id, queryable, so an override for an unknown report can be refused. */
    public static final String REPORTS_STORE = "reports";
    static final String OVERRIDES_STORE = "overrides";

    private ClassifierTopology() {
    }

    public static Topology build(SchemaRegistryClient registry, IncidentClassifier classifier, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<DeadLetter> deadLetters = Topics.DEAD_LETTERS.valueSerde(registry);
        Serde<IncidentReported> reportSerde = Topics.INCIDENTS_REPORTED.valueSerde(registry);
        Serde<ClassificationOverride> overrideSerde = Topics.CLASSIFICATION_OVERRIDES.valueSerde(registry);

        KTable<String, IncidentReported> reports = DeadLetterRouting.decodeOrDeadLetter(builder, Topics.INCIDENTS_REPORTED, reportSerde,
                        deadLetters, APPLICATION_ID, clock)
                .toTable(Named.as("reports-by-id"), Materialized.<String, IncidentReported, KeyValueStore<Bytes, byte[]>>as(REPORTS_STORE)
                        .withKeySerde(Topics.INCIDENTS_REPORTED.keySerde()).withValueSerde(Topics.INCIDENTS_REPORTED.stateSerde(registry)));
        KTable<String, ClassificationOverride> overrides = DeadLetterRouting.decodeOrDeadLetter(builder, Topics.CLASSIFICATION_OVERRIDES,
                        overrideSerde, deadLetters, APPLICATION_ID, clock)
                .toTable(Named.as("latest-override"), Materialized.<String, ClassificationOverride, KeyValueStore<Bytes, byte[]>>as(OVERRIDES_STORE)
                        .withKeySerde(Topics.CLASSIFICATION_OVERRIDES.keySerde()).withValueSerde(Topics.CLASSIFICATION_OVERRIDES.stateSerde(registry)));

        reports.leftJoin(overrides, classifier::classify, Named.as("classify"))
                .toStream(Named.as("classifications"))
                .to(Topics.INCIDENTS_CLASSIFIED.name(),
                        Produced.with(Topics.INCIDENTS_CLASSIFIED.keySerde(), Topics.INCIDENTS_CLASSIFIED.valueSerde(registry)));
        return builder.build();
    }
}
