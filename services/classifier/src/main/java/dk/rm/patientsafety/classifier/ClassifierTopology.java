package dk.rm.patientsafety.classifier;

import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.DeadLetterRouting;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Produced;

import java.time.Clock;

/** The classifier's stream: reported incidents are classified one by one; undecodable records go to the dead letters. */
public final class ClassifierTopology {

    public static final String APPLICATION_ID = "uth-classifier";

    private ClassifierTopology() {
    }

    public static Topology build(SchemaRegistryClient registry, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        IncidentClassifier classifier = new IncidentClassifier(clock);
        DeadLetterRouting.decodeOrDeadLetter(builder, Topics.INCIDENTS_REPORTED, Topics.INCIDENTS_REPORTED.valueSerde(registry),
                        Topics.DEAD_LETTERS.valueSerde(registry), APPLICATION_ID, clock)
                .mapValues(classifier::classify)
                .to(Topics.INCIDENTS_CLASSIFIED.name(),
                        Produced.with(Topics.INCIDENTS_CLASSIFIED.keySerde(), Topics.INCIDENTS_CLASSIFIED.valueSerde(registry)));
        return builder.build();
    }
}
