package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.ProvisionedTopics;
import dk.rm.patientsafety.service.StreamsService;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import io.micronaut.context.annotation.Context;

import java.time.Clock;

/** The running alerting stream; eager, so alerts flow as soon as the context is up. */
@Context
public class AlertingStream extends StreamsService {

    public AlertingStream(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka, OrganisationRegister register) {
        super(AlertingTopology.build(registry, register, Clock.systemUTC()), ClientConfigs.streams(kafka, registry, AlertingTopology.APPLICATION_ID));
    }
}
