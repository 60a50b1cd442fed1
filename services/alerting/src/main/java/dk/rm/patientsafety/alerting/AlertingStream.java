package dk.rm.patientsafety.alerting;

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

/** The running alerting stream; eager, so alerts flow as soon as the context is up. */
@Context
public class AlertingStream extends StreamsService {

    public AlertingStream(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka, OrganisationRegister register,
                          @Value("${alerting.cluster.count:3}") int clusterCount, @Value("${alerting.cluster.window-days:7}") int windowDays,
                          @Value("${alerting.cluster.max-span-days:28}") int maxSpanDays,
                          @Value("${alerting.spc-signal.debounce:24h}") Duration signalDebounce,
                          @Value("${alerting.indicator-standard.periods:3}") int missedPeriods) {
        super(AlertingTopology.build(registry, register, new ClusterRule(clusterCount, windowDays, maxSpanDays),
                        new SpcSignalRule(signalDebounce), new IndicatorStandardRule(missedPeriods), Clock.systemUTC()), ClientConfigs.streams(kafka, registry, AlertingTopology.APPLICATION_ID));
    }
}
