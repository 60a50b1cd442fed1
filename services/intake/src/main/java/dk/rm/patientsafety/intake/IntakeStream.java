package dk.rm.patientsafety.intake;

import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.ProvisionedTopics;
import dk.rm.patientsafety.service.StreamsService;
import io.micronaut.context.annotation.Context;

import java.time.Clock;

/** Intake's running streams: the Kafka path for source systems and the de-duplication of every path's reports. */
@Context
public class IntakeStream extends StreamsService {

    public IntakeStream(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka, IntakePipeline pipeline,
                        IntakeCounters counters, Clock clock) {
        super(IntakeTopology.build(registry, pipeline, counters, clock), ClientConfigs.streams(kafka, registry, IntakeTopology.APPLICATION_ID));
    }
}
