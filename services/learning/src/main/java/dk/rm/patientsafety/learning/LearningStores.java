package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.LearningAlertState;
import dk.rm.patientsafety.events.LearningIncident;
import dk.rm.patientsafety.serde.AvroSerde;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.LocalDate;

/**
 * The learning stream's stores. Incidents and signals are keyed {@code date|id}, so one range read gives a summary's
 * window; markers and work items are plain string keys in key order.
 */
final class LearningStores {

    /** {@code 2026-11-30|reportId} → what a summary may use of the incident. */
    static final String INCIDENTS = "learning-incidents";
    /** reportId → the date its incident is filed under, to move it when a correction changes the date. */
    static final String INCIDENT_DATES = "learning-incident-dates";
    /** {@code 2026-11-01|signalId} → the signal, filed under its latest point's period start. */
    static final String SIGNALS = "learning-signals";
    /** alertId → where a serious incident's alert stands. */
    static final String ALERTS = "learning-alerts";
    /** reportId → the alert of its serious incident. */
    static final String ALERT_OF_REPORT = "learning-alert-of-report";
    /** subscriptionId → the latest revision. */
    static final String SUBSCRIPTIONS = "learning-subscriptions";
    /** What changed since the last round: {@code period|WEEKLY|2026-11-30} or {@code subscription|id}. */
    static final String CHANGED = "learning-changed";
    /** Summaries to build: {@code WEEKLY|2026-11-30|subscriptionId}, in period order. */
    static final String TO_BUILD = "learning-to-build";
    /** {@code subscriptionId|2026-W49} → the digest last published. */
    static final String PUBLISHED = "learning-published";
    /** {@code first-report} and {@code closed|WEEKLY}: the first report's date and the last closed period per cadence. */
    static final String MARKS = "learning-marks";

    static final String[] INCIDENT_STORES = {INCIDENTS, INCIDENT_DATES, CHANGED, MARKS};
    static final String[] SIGNAL_STORES = {SIGNALS, CHANGED, MARKS};
    static final String[] ALERT_STORES = {ALERTS, ALERT_OF_REPORT, CHANGED, MARKS};
    static final String[] PUBLISHER_STORES = {INCIDENTS, SIGNALS, ALERTS, ALERT_OF_REPORT, SUBSCRIPTIONS, CHANGED, TO_BUILD, PUBLISHED, MARKS};

    private LearningStores() {
    }

    static Serde<LearningIncident> incidentSerde(SchemaRegistryClient registry) {
        return AvroSerde.of(LearningIncident.class, registry, false, true);
    }

    static void add(StreamsBuilder builder, SchemaRegistryClient registry) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INCIDENTS), Serdes.String(), incidentSerde(registry)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SIGNALS), Serdes.String(),
                Topics.SIGNALS.stateSerde(registry)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERTS), Serdes.String(),
                AvroSerde.of(LearningAlertState.class, registry, false, true)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SUBSCRIPTIONS), Serdes.String(),
                Topics.LEARNING_SUBSCRIPTIONS.stateSerde(registry)));
        for (String strings : new String[] {INCIDENT_DATES, ALERT_OF_REPORT, CHANGED, TO_BUILD, PUBLISHED, MARKS}) {
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(strings), Serdes.String(), Serdes.String()));
        }
    }

    static String dated(LocalDate date, String id) {
        return date + "|" + id;
    }

    /** The first key of a day's range and, with {@link #through}, its last: ids sort below '~'. */
    static String from(LocalDate date) {
        return date + "|";
    }

    static String through(LocalDate date) {
        return date + "|~";
    }
}
