package dk.rm.patientsafety.classifier;

import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.ProvisionedTopics;
import dk.rm.patientsafety.service.StreamsService;
import io.micronaut.context.annotation.Context;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Clock;

/** The running classifier stream; eager, so the service starts classifying as soon as its context is up. */
@Context
public class ClassifierStream extends StreamsService {

    public ClassifierStream(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka, IncidentClassifier classifier, Clock clock) {
        super(ClassifierTopology.build(registry, classifier, clock), ClientConfigs.streams(kafka, registry, ClassifierTopology.APPLICATION_ID));
    }

    /** What the classifier knows of a report: found, never seen, or not yet known because its store is still restoring. */
    public sealed interface Lookup permits Found, Unknown, Restoring {
    }

    public record Found(IncidentReported report) implements Lookup {
    }

    public record Unknown() implements Lookup {
    }

    public record Restoring() implements Lookup {
    }

    /**
     * The report as this instance classified it. One instance holds every partition today; with several, the
     * question must go to the instance that owns the key (KafkaStreams#queryMetadataForKey).
     */
    public Lookup report(String reportId) {
        try {
            ReadOnlyKeyValueStore<String, IncidentReported> reports = streams().store(StoreQueryParameters.fromNameAndType(
                    ClassifierTopology.REPORTS_STORE, QueryableStoreTypes.keyValueStore()));
            IncidentReported report = reports.get(reportId);
            return report == null ? new Unknown() : new Found(report);
        } catch (InvalidStateStoreException e) {
            return streams().state() == KafkaStreams.State.RUNNING ? new Unknown() : new Restoring();
        }
    }
}
