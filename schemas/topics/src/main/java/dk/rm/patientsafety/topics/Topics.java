package dk.rm.patientsafety.topics;

import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.events.AlertEvent;
import dk.rm.patientsafety.events.ClassificationOverride;
import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentCount;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.LearningSubscription;
import dk.rm.patientsafety.events.LearningSummary;
import dk.rm.patientsafety.events.IncidentSubmission;
import dk.rm.patientsafety.events.ReporterRecord;
import dk.rm.patientsafety.events.QualityIndicatorObservation;
import dk.rm.patientsafety.events.StatisticalSignal;
import dk.rm.patientsafety.events.UnitActivity;
import dk.rm.patientsafety.serde.AvroSerde;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;
import java.util.Map;

/** Every topic of the platform, with its serdes and configuration, in one place. */
public final class Topics {

    private static final int INCIDENT_PARTITIONS = 6;

    /** Keyed by report id; compacted so the latest state of a report is kept forever and replays are complete. */
    private static final Map<String, String> LATEST_PER_KEY = Map.of(
            "cleanup.policy", "compact",
            "min.compaction.lag.ms", "86400000");

    private static final Map<String, String> THIRTY_DAYS = Map.of(
            "cleanup.policy", "delete",
            "retention.ms", String.valueOf(30L * 24 * 3600 * 1000));

    private static final Map<String, String> SEVEN_DAYS = Map.of(
            "cleanup.policy", "delete",
            "retention.ms", String.valueOf(7L * 24 * 3600 * 1000));

    /**
     * Reports as source systems submit them, in Avro, CPR numbers and reporter identities included.
     * Restricted to intake; kept a week only, long enough to replay an intake outage.
     */
    public static final Topic<String, IncidentSubmission> INCIDENTS_SUBMITTED =
            avro("uth.incidents.submitted.v1", IncidentSubmission.class, INCIDENT_PARTITIONS, SEVEN_DAYS);

    /**
     * Reports intake has validated and pseudonymised, from every path, before duplicates are removed.
     * Internal to intake; keyed by report id so a report and its resubmissions meet in one partition.
     */
    public static final Topic<String, IncidentReported> INTAKE_ACCEPTED =
            avro("uth.intake.accepted.v1", IncidentReported.class, INCIDENT_PARTITIONS, SEVEN_DAYS);

    /** Who reported what: restricted to the local caseworkers, never joined onto shared topics. */
    public static final Topic<String, ReporterRecord> REPORTERS =
            avro("uth.reporters.restricted.v1", ReporterRecord.class, INCIDENT_PARTITIONS, LATEST_PER_KEY);

    /** Submissions intake rejected, with their original bytes (which may hold CPR numbers): restricted to intake. */
    public static final Topic<String, DeadLetter> INTAKE_DEAD_LETTERS =
            avro("uth.intake.deadletter.v1", DeadLetter.class, 1, THIRTY_DAYS);

    /** Validated, pseudonymised reports leaving intake (no CPR number, no reporter identity), one per report. */
    public static final Topic<String, IncidentReported> INCIDENTS_REPORTED =
            avro("uth.incidents.reported.v1", IncidentReported.class, INCIDENT_PARTITIONS, LATEST_PER_KEY);

    /** Reports with their automatic (or overridden) classification. */
    public static final Topic<String, IncidentClassified> INCIDENTS_CLASSIFIED =
            avro("uth.incidents.classified.v1", IncidentClassified.class, INCIDENT_PARTITIONS, LATEST_PER_KEY);

    /**
     * Caseworkers' reclassifications, keyed by report id (co-partitioned with the reports they override). Kept
     * forever, every one of them: this topic is the audit trail of human decisions.
     */
    public static final Topic<String, ClassificationOverride> CLASSIFICATION_OVERRIDES =
            avro("uth.classification.overrides.v1", ClassificationOverride.class, INCIDENT_PARTITIONS,
                    Map.of("cleanup.policy", "delete", "retention.ms", "-1"));

    /** Alerts to patient-safety officers, keyed by alert id (a replay overwrites, never duplicates). */
    public static final Topic<String, Alert> ALERTS =
            avro("uth.alerts.v1", Alert.class, INCIDENT_PARTITIONS, LATEST_PER_KEY);

    /**
     * Every step of every alert's follow-up (acknowledged, action underway, resolved, reopened, withdrawn), keyed
     * {@code alertId|sequence}: compacted, so a resend overwrites its own event and the audit trail stays whole.
     */
    public static final Topic<String, AlertEvent> ALERT_EVENTS =
            avro("uth.alert-events.v1", AlertEvent.class, INCIDENT_PARTITIONS, LATEST_PER_KEY);

    /** Quality-indicator results, keyed by series and period. */
    public static final Topic<String, QualityIndicatorObservation> QUALITY_INDICATORS =
            avro("quality.indicators.observed.v1", QualityIndicatorObservation.class, 3, LATEST_PER_KEY);

    /**
     * Activity per unit and period (bed-days, admissions): the denominators of incident rates. Keyed by unit and
     * period start ({@code 1309011000000|2026-10-01}); compacted, so a corrected month replaces the first figure.
     */
    public static final Topic<String, UnitActivity> ACTIVITY =
            avro("hospital.activity.v1", UnitActivity.class, 3, LATEST_PER_KEY);

    /**
     * Incident counts per granularity, unit, type, period and severity, for downstream systems. Keyed
     * {@code MONTH|1309011000000|MEDICATION|2026-10-01|MINOR_CONSEQUENCE}; compacted, so the latest value is the count.
     */
    public static final Topic<String, IncidentCount> INCIDENT_COUNTS =
            avro("uth.incident-counts.v1", IncidentCount.class, 3, LATEST_PER_KEY);

    /** Signals of non-random variation (raised and cleared) in incident and indicator series, keyed by series id. */
    public static final Topic<String, StatisticalSignal> SIGNALS =
            avro("statistics.signals.v1", StatisticalSignal.class, 3, Map.of("cleanup.policy", "delete", "retention.ms", "-1"));

    /** Records a service could not process, with the original bytes and the reason. Restricted access. */
    public static final Topic<String, DeadLetter> DEAD_LETTERS =
            avro("platform.deadletter.v1", DeadLetter.class, 1, THIRTY_DAYS);

    /**
     * The schema registry's own store: one compacted partition of JSON keys and values, as Confluent's
     * registry keeps it. Only the registry provisions and reads it.
     */
    public static final Topic<String, String> SCHEMAS = new Topic<>("_schemas", Serdes.String(), registry -> Serdes.String(),
            registry -> Serdes.String(), null, 1, Map.of("cleanup.policy", "compact"));

    /**
     * Subscriptions to learning feeds as they now stand, keyed by subscription id; compacted, a tombstone for a deleted
     * one. Few and small: one partition, so whatever reads them sees them all in order.
     */
    public static final Topic<String, LearningSubscription> LEARNING_SUBSCRIPTIONS =
            avro("uth.learning-subscriptions.v1", LearningSubscription.class, 1, LATEST_PER_KEY);

    /**
     * Learning summaries, keyed {@code subscriptionId|period} ({@code 2026-W49}, {@code 2026-11}); compacted, so the
     * latest version of each is kept and a regenerated one replaces it, a tombstone once the subscription is deleted.
     * The region's own feed: it holds every subscriber's summaries, staff ones with redacted examples, so no partner and
     * no downstream account reads it.
     */
    public static final Topic<String, LearningSummary> LEARNING_SUMMARIES =
            avro("uth.learning-summaries.v1", LearningSummary.class, 3, LATEST_PER_KEY);

    /** Every topic the platform's services provision at start-up. */
    public static final List<Topic<?, ?>> ALL =
            List.of(INCIDENTS_SUBMITTED, INTAKE_ACCEPTED, REPORTERS, INTAKE_DEAD_LETTERS,
                    INCIDENTS_REPORTED, CLASSIFICATION_OVERRIDES, INCIDENTS_CLASSIFIED, ALERTS, ALERT_EVENTS, QUALITY_INDICATORS, ACTIVITY,
                    INCIDENT_COUNTS, SIGNALS, LEARNING_SUBSCRIPTIONS, LEARNING_SUMMARIES, DEAD_LETTERS);

    private Topics() {
    }

    private static <V extends SpecificRecord> Topic<String, V> avro(String name, Class<V> type, int partitions, Map<String, String> config) {
        return new Topic<>(name, Serdes.String(), registry -> AvroSerde.forValues(type, registry),
                registry -> AvroSerde.of(type, registry, false, true), SpecificData.get().getSchema(type), partitions, config);
    }
}
