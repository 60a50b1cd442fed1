package dk.rm.patientsafety.topics;

import java.util.List;
import java.util.Optional;

import static dk.rm.patientsafety.topics.Topics.ACTIVITY;
import static dk.rm.patientsafety.topics.Topics.ALERTS;
import static dk.rm.patientsafety.topics.Topics.ALERT_EVENTS;
import static dk.rm.patientsafety.topics.Topics.CLASSIFICATION_OVERRIDES;
import static dk.rm.patientsafety.topics.Topics.DEAD_LETTERS;
import static dk.rm.patientsafety.topics.Topics.INCIDENTS_CLASSIFIED;
import static dk.rm.patientsafety.topics.Topics.INCIDENTS_REPORTED;
import static dk.rm.patientsafety.topics.Topics.INCIDENTS_SUBMITTED;
import static dk.rm.patientsafety.topics.Topics.INCIDENT_COUNTS;
import static dk.rm.patientsafety.topics.Topics.INTAKE_ACCEPTED;
import static dk.rm.patientsafety.topics.Topics.INTAKE_DEAD_LETTERS;
import static dk.rm.patientsafety.topics.Topics.LEARNING_SUBSCRIPTIONS;
import static dk.rm.patientsafety.topics.Topics.LEARNING_SUMMARIES;
import static dk.rm.patientsafety.topics.Topics.QUALITY_INDICATORS;
import static dk.rm.patientsafety.topics.Topics.REPORTERS;
import static dk.rm.patientsafety.topics.Topics.SCHEMAS;
import static dk.rm.patientsafety.topics.Topics.SIGNALS;

/**
 * Every account on Kafka and what it may do, in one table (the README's ACL table is this class). The restricted topics
 * (submissions with CPR numbers, reporters, intake's dead letters) are read by intake alone; the platform's dead
 * letters are written by every stream and read by no service (operators read them as the cluster's administrator).
 */
public final class KafkaPrincipals {

    public static final KafkaPrincipal INTAKE = new KafkaPrincipal("intake",
            "intake service: validates and pseudonymises reports, takes in quality data",
            List.of(INCIDENTS_SUBMITTED, INTAKE_ACCEPTED),
            List.of(INTAKE_ACCEPTED, REPORTERS, INTAKE_DEAD_LETTERS, INCIDENTS_REPORTED, DEAD_LETTERS, QUALITY_INDICATORS, ACTIVITY),
            List.of("uth-intake"), List.of(), List.of("intake-http-", "intake-quality-"), true, false);

    public static final KafkaPrincipal CLASSIFIER = new KafkaPrincipal("classifier",
            "classifier service: severity, type and caseworkers' overrides",
            List.of(INCIDENTS_REPORTED, CLASSIFICATION_OVERRIDES),
            List.of(INCIDENTS_CLASSIFIED, CLASSIFICATION_OVERRIDES, DEAD_LETTERS),
            List.of("uth-classifier"), List.of(), List.of(), true, false);

    public static final KafkaPrincipal ALERTING = new KafkaPrincipal("alerting",
            "alerting service: alerts and their store",
            List.of(INCIDENTS_CLASSIFIED, SIGNALS, QUALITY_INDICATORS, ALERTS),
            List.of(ALERTS, ALERT_EVENTS, DEAD_LETTERS),
            List.of("uth-alerting"), List.of(), List.of(), true, false);

    public static final KafkaPrincipal STATISTICS = new KafkaPrincipal("statistics",
            "statistics service: counts, SPC and signals",
            List.of(INCIDENTS_CLASSIFIED, ACTIVITY, QUALITY_INDICATORS),
            List.of(INCIDENT_COUNTS, SIGNALS, DEAD_LETTERS),
            List.of("uth-statistics"), List.of(), List.of(), true, false);

    public static final KafkaPrincipal LEARNING = new KafkaPrincipal("learning",
            "learning service: subscriptions to learning feeds and their summaries",
            List.of(INCIDENTS_CLASSIFIED, SIGNALS, ALERTS, ALERT_EVENTS, LEARNING_SUBSCRIPTIONS, LEARNING_SUMMARIES),
            List.of(LEARNING_SUBSCRIPTIONS, LEARNING_SUMMARIES, DEAD_LETTERS),
            List.of("uth-learning"), List.of(), List.of(), true, false);

    /** Ours and Confluent's: both keep schemas in {@code _schemas}; Confluent's elects its leader in group schema-registry. */
    public static final KafkaPrincipal SCHEMA_REGISTRY = new KafkaPrincipal("schema-registry",
            "schema registry: its schema store",
            List.of(SCHEMAS), List.of(SCHEMAS),
            List.of(), List.of("schema-registry"), List.of(), true, false);

    public static final KafkaPrincipal SOURCE_SYSTEM = new KafkaPrincipal("source-system",
            "source systems: submissions, activity and quality-indicator results",
            List.of(), List.of(INCIDENTS_SUBMITTED, ACTIVITY, QUALITY_INDICATORS),
            List.of(), List.of(), List.of(), false, false);

    public static final KafkaPrincipal DOWNSTREAM = new KafkaPrincipal("downstream",
            "downstream systems: the aggregated topics only",
            List.of(INCIDENT_COUNTS, SIGNALS), List.of(),
            List.of(), List.of("downstream-"), List.of(), false, false);

    public static final KafkaPrincipal TRANSACTION_GUARD = new KafkaPrincipal("transaction-guard",
            "the hanging-transaction guard (one per cluster, run by intake): an operator's account",
            List.of(), List.of(), List.of(), List.of(), List.of(), false, true);

    public static final List<KafkaPrincipal> ALL =
            List.of(INTAKE, CLASSIFIER, ALERTING, STATISTICS, LEARNING, SCHEMA_REGISTRY, SOURCE_SYSTEM, DOWNSTREAM, TRANSACTION_GUARD);

    private KafkaPrincipals() {
    }

    public static Optional<KafkaPrincipal> named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
