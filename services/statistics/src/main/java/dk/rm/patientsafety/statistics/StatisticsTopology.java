package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.events.IncidentCount;
import dk.rm.patientsafety.events.IncidentCountChange;
import dk.rm.patientsafety.events.SeriesSignalState;
import dk.rm.patientsafety.events.QualityIndicatorObservation;
import dk.rm.patientsafety.events.StatisticalSignal;
import dk.rm.patientsafety.events.UnitActivity;
import dk.rm.patientsafety.serde.AvroSerde;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.DeadLetterRouting;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;

/**
 * The statistics stream. Classified incidents become count changes keyed by unit (where it happened and the units
 * above; an override moves an incident between buckets), so that one task holds all of a unit's counts and activity; quality-indicator results are
 * keyed by series. The series a change touches are charted at the next round (each once, from its own totals) and
 * the signals they gained or lost published.
 */
public final class StatisticsTopology {

    public static final String APPLICATION_ID = "uth-statistics";

    private StatisticsTopology() {
    }

    public static Topology build(SchemaRegistryClient registry, StatisticsConfig config, OrganisationRegister register, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<DeadLetter> deadLetters = Topics.DEAD_LETTERS.valueSerde(registry);
        // Internal records: the application registers their subjects itself, as it does for its stores.
        Serde<IncidentCountChange> changes = AvroSerde.of(IncidentCountChange.class, registry, false, true);
        Serde<SeriesSignalState> signalStates = AvroSerde.of(SeriesSignalState.class, registry, false, true);
        addStores(builder, registry, changes, signalStates);
        // Unit counts and activity share stores, so their repartition topics must have equally many partitions.
        int unitPartitions = Topics.INCIDENTS_CLASSIFIED.partitions();

        KStream<String, SpecificRecord> unitOutput = DeadLetterRouting.decodeOrDeadLetter(builder, Topics.INCIDENTS_CLASSIFIED,
                        Topics.INCIDENTS_CLASSIFIED.valueSerde(registry), deadLetters, APPLICATION_ID, clock)
                .process(() -> new IncidentChanges(register), Named.as("count-changes"), StatisticsStores.COUNTED_INCIDENTS)
                .repartition(Repartitioned.<String, IncidentCountChange>as("changes-by-unit")
                        .withKeySerde(Serdes.String()).withValueSerde(changes).withNumberOfPartitions(unitPartitions))
                .process(() -> new UnitCounts(config), Named.as("unit-counts"), StatisticsStores.UNIT_STORES);

        KStream<String, SpecificRecord> activityOutput = DeadLetterRouting.decodeOrDeadLetter(builder, Topics.ACTIVITY,
                        Topics.ACTIVITY.valueSerde(registry), deadLetters, APPLICATION_ID, clock, ResultValidation::activityProblem)
                .selectKey((key, activity) -> activity.getUnitSorCode(), Named.as("activity-unit"))
                .repartition(Repartitioned.<String, UnitActivity>as("activity-by-unit")
                        .withKeySerde(Serdes.String()).withValueSerde(Topics.ACTIVITY.stateSerde(registry)).withNumberOfPartitions(unitPartitions))
                .process(() -> new UnitActivityRecorder(config), Named.as("unit-activity"), StatisticsStores.UNIT_STORES);

        KStream<String, SpecificRecord> indicatorOutput = DeadLetterRouting.decodeOrDeadLetter(builder, Topics.QUALITY_INDICATORS,
                        Topics.QUALITY_INDICATORS.valueSerde(registry), deadLetters, APPLICATION_ID, clock, ResultValidation::indicatorProblem)
                .selectKey((key, result) -> SeriesId.indicator(result), Named.as("indicator-series"))
                .repartition(Repartitioned.<String, QualityIndicatorObservation>as("indicators-by-series")
                        .withKeySerde(Serdes.String()).withValueSerde(Topics.QUALITY_INDICATORS.stateSerde(registry)))
                .process(() -> new IndicatorResults(config), Named.as("indicator-results"),
                        StatisticsStores.INDICATOR_OBSERVATIONS, StatisticsStores.INDICATOR_CASES, StatisticsStores.INDICATOR_SIGNAL_STATES);

        publish(unitOutput.merge(activityOutput, Named.as("unit-output")), "unit", registry);
        publish(indicatorOutput, "indicator", registry);
        return builder.build();
    }

    private static void addStores(StreamsBuilder builder, SchemaRegistryClient registry, Serde<IncidentCountChange> changes,
                                  Serde<SeriesSignalState> signalStates) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StatisticsStores.COUNTED_INCIDENTS),
                Serdes.String(), changes));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StatisticsStores.INCIDENT_COUNTS),
                Serdes.String(), Topics.INCIDENT_COUNTS.stateSerde(registry)));
        // Totals and marks change many times between two commits: the cache writes each key's last value once.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StatisticsStores.SERIES_TOTALS),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StatisticsStores.SERIES_TO_CHART),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StatisticsStores.SERIES_AWAITING_CLOSE),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StatisticsStores.UNIT_ACTIVITY),
                Serdes.String(), Topics.ACTIVITY.stateSerde(registry)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StatisticsStores.INCIDENT_SIGNAL_STATES),
                Serdes.String(), signalStates));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StatisticsStores.INDICATOR_OBSERVATIONS),
                Serdes.String(), Topics.QUALITY_INDICATORS.stateSerde(registry)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StatisticsStores.INDICATOR_CASES),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StatisticsStores.INDICATOR_SIGNAL_STATES),
                Serdes.String(), signalStates));
    }

    private static void publish(KStream<String, SpecificRecord> output, String name, SchemaRegistryClient registry) {
        output.filter((key, value) -> value instanceof IncidentCount, Named.as("publish-" + name + "-counts"))
                .mapValues(value -> (IncidentCount) value, Named.as("publish-" + name + "-as-counts"))
                .to(Topics.INCIDENT_COUNTS.name(), Produced.with(Topics.INCIDENT_COUNTS.keySerde(), Topics.INCIDENT_COUNTS.valueSerde(registry)));
        output.filter((key, value) -> value instanceof StatisticalSignal, Named.as("publish-" + name + "-signals"))
                .mapValues(value -> (StatisticalSignal) value, Named.as("publish-" + name + "-as-signals"))
                .to(Topics.SIGNALS.name(), Produced.with(Topics.SIGNALS.keySerde(), Topics.SIGNALS.valueSerde(registry)));
    }
}
