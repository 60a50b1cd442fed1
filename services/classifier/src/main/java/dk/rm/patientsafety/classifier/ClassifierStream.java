package dk.rm.patientsafety.classifier;

import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.ProvisionedTopics;
import dk.rm.patientsafety.service.StreamsService;
import io.micronaut.context.annotation.Context;

import java.time.Clock;

/** The running classifier stream; eager, so the service starts classifying as soon as its context is up. */
@Context
public class ClassifierStream extends StreamsService {

    public ClassifierStream(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka) {
        super(ClassifierTopology.build(registry, Clock.systemUTC()), ClientConfigs.streams(kafka, ClassifierTopology.APPLICATION_ID));
    }
}
