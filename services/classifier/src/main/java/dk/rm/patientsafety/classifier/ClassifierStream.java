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

    /**
     * Whether this instance has classified the report. One instance holds every partition today; with several,
     * the question must go to the instance that owns the key (KafkaStreams#queryMetadataForKey).
     */
    public boolean knowsReport(String reportId) {
        try {
            ReadOnlyKeyValueStore<String, IncidentReported> reports = streams().store(StoreQueryParameters.fromNameAndType(
                    ClassifierTopology.REPORTS_STORE, QueryableStoreTypes.keyValueStore()));
            return reports.get(reportId) != null;
        } catch (InvalidStateStoreException e) {
            return streams().state() != KafkaStreams.State.RUNNING; // still restoring: accept, the join will wait for the report
        }
    }
}
