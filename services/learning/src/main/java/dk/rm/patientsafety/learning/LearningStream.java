package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.ProvisionedTopics;
import dk.rm.patientsafety.service.StreamsService;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

import java.time.Clock;
import java.time.Duration;

/** The running learning stream; eager, so summaries are made as soon as the context is up. */
@Context
public class LearningStream extends StreamsService {

    public LearningStream(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka, OrganisationRegister register,
                          @Value("${learning.summary.delay:24h}") Duration delay, @Value("${learning.summary.partner-delay:14d}") Duration partnerDelay,
                          @Value("${learning.summary.interval:30s}") Duration interval,
                          @Value("${learning.summary.batch:500}") int batch) {
        super(LearningTopology.build(registry, register, new SummarySchedule(delay, partnerDelay, interval, batch), Clock.systemUTC()),
                ClientConfigs.streams(kafka, registry, LearningTopology.APPLICATION_ID));
    }
}
