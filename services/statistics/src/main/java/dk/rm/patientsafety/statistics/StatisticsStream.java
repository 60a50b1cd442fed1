package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.ProvisionedTopics;
import dk.rm.patientsafety.service.StreamsService;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import io.micronaut.context.annotation.Context;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Clock;

/** The running statistics stream; eager, so counting starts as soon as the context is up. */
@Context
public class StatisticsStream extends StreamsService {

    public StatisticsStream(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka, StatisticsConfig config,
                            OrganisationRegister register, Clock clock) {
        super(StatisticsTopology.build(registry, config, register, clock), ClientConfigs.streams(kafka, registry, StatisticsTopology.APPLICATION_ID));
    }

    /**
     * A store of this instance, across its tasks. One instance holds every partition today; with several, a query
     * must go to the instance owning the key (KafkaStreams#queryMetadataForKey).
     */
    public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return streams().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }
}
