package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.ProvisionedTopics;
import dk.rm.patientsafety.service.StreamsService;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Clock;
import java.util.Map;

/** The running statistics stream; eager, so counting starts as soon as the context is up. */
@Context
public class StatisticsStream extends StreamsService {

    public StatisticsStream(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka, StatisticsConfig config,
                            OrganisationRegister register, Clock clock, @Value("${statistics.stream-threads:2}") int threads) {
        super(StatisticsTopology.build(registry, config, register, clock), threads(ClientConfigs.streams(kafka, registry,
                StatisticsTopology.APPLICATION_ID), threads));
    }

    /** The unit-keyed tasks (one per partition) are shared out among the threads, so a backfill is charted on several cores. */
    private static Map<String, Object> threads(Map<String, Object> config, int threads) {
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        return config;
    }

    /**
     * A store of this instance, across its tasks. One instance holds every partition today; with several, a query
     * must go to the instance owning the key (KafkaStreams#queryMetadataForKey).
     */
    public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return streams().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }
}
