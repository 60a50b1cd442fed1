package dk.rm.patientsafety.alerting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Alerts in PostgreSQL; writes are upserts by alert id so a replayed alert never becomes a second row. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AlertRepository extends GenericRepository<StoredAlert, String> {

    /** Keeps the first raise time, whatever a replay of an older record says. */
    @Query("""
            INSERT INTO alert (alert_id, kind, report_id, overall_severity, incident_location, event_date, headline, reason,
                raised_at, status, responsible_unit, lineage, updated_at, incident_type, report_ids, last_event_date, series_id, cross_sector)
            VALUES (:alertId, :kind, :reportId, :overallSeverity, :incidentLocation, :eventDate, :headline, :reason,
                :raisedAt, :status, :responsibleUnit, :lineage, :updatedAt, :incidentType, :reportIds, :lastEventDate, :seriesId, :crossSector)
            ON CONFLICT (alert_id) DO UPDATE SET kind = EXCLUDED.kind, report_id = EXCLUDED.report_id,
                overall_severity = EXCLUDED.overall_severity, incident_location = EXCLUDED.incident_location,
                event_date = EXCLUDED.event_date, headline = EXCLUDED.headline, reason = EXCLUDED.reason,
                raised_at = LEAST(alert.raised_at, EXCLUDED.raised_at), status = EXCLUDED.status,
                responsible_unit = EXCLUDED.responsible_unit, lineage = EXCLUDED.lineage, updated_at = EXCLUDED.updated_at,
                incident_type = EXCLUDED.incident_type, report_ids = EXCLUDED.report_ids, last_event_date = EXCLUDED.last_event_date,
                series_id = EXCLUDED.series_id, cross_sector = EXCLUDED.cross_sector""")
    void upsert(String alertId, String kind, @Nullable String reportId, String overallSeverity, String incidentLocation,
                @Nullable LocalDate eventDate, String headline, String reason, Instant raisedAt, String status,
                @Nullable String responsibleUnit, String lineage, Instant updatedAt, @Nullable String incidentType, String reportIds,
                @Nullable LocalDate lastEventDate, @Nullable String seriesId, boolean crossSector);

    /**
     * Alerts newest first, each filter applied where given (a status, a kind, an overall severity), at the incident
     * locations {@code locations} unless {@code everywhere}, from after the cursor ({@code beforeAt}, {@code beforeId}:
     * the last alert of the page before), at most {@code limit}.
     */
    @Query("""
            SELECT * FROM alert
            WHERE (CAST(:status AS TEXT) IS NULL OR status = CAST(:status AS TEXT))
              AND (CAST(:kind AS TEXT) IS NULL OR kind = CAST(:kind AS TEXT))
              AND (CAST(:severity AS TEXT) IS NULL OR overall_severity = CAST(:severity AS TEXT))
              AND (:everywhere OR incident_location IN (:locations))
              AND (CAST(:beforeAt AS TIMESTAMPTZ) IS NULL
                   OR (raised_at, alert_id) < (CAST(:beforeAt AS TIMESTAMPTZ), CAST(:beforeId AS TEXT)))
            ORDER BY raised_at DESC, alert_id DESC
            LIMIT :limit""")
    List<StoredAlert> search(@Nullable String status, @Nullable String kind, @Nullable String severity, boolean everywhere,
                             Collection<String> locations, @Nullable Instant beforeAt, @Nullable String beforeId, int limit);

    /** The alert, locked until the transaction ends, so two follow-up steps on it cannot interleave. */
    @Query("SELECT * FROM alert WHERE alert_id = :alertId FOR UPDATE")
    Optional<StoredAlert> findForUpdate(String alertId);

    @Query("SELECT * FROM alert WHERE alert_id = :alertId")
    Optional<StoredAlert> find(String alertId);

    @Query("UPDATE alert SET follow_up = :followUp, escalation_level = :escalationLevel, escalate_at = :escalateAt WHERE alert_id = :alertId")
    void setFollowUp(String alertId, String followUp, int escalationLevel, @Nullable Instant escalateAt);

    /** Open alerts whose time to be acknowledged has run out, locked; another instance's sweep skips them meanwhile. */
    @Query("""
            SELECT * FROM alert WHERE escalate_at <= :now AND status = 'ACTIVE' AND follow_up = 'OPEN'
            ORDER BY escalate_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<StoredAlert> dueForEscalation(Instant now, int limit);

    @Query("SELECT COALESCE(MAX(sequence), 0) FROM alert_event WHERE alert_id = :alertId")
    int lastSequence(String alertId);

    @Query("""
            INSERT INTO alert_event (alert_id, sequence, action, from_status, to_status, actor, note, at, escalation_level, recipients)
            VALUES (:alertId, :sequence, :action, :fromStatus, :toStatus, :actor, :note, :at, :escalationLevel, :recipients)""")
    void insertEvent(String alertId, int sequence, String action, String fromStatus, String toStatus, String actor,
                     @Nullable String note, Instant at, int escalationLevel, String recipients);

    @Query("SELECT alert_id, sequence, action, from_status, to_status, actor, note, at, escalation_level, recipients, event_no FROM alert_event WHERE alert_id = :alertId ORDER BY sequence")
    List<AlertEventRow> history(String alertId);

    @Query("SELECT alert_id, sequence, action, from_status, to_status, actor, note, at, escalation_level, recipients, event_no FROM alert_event WHERE NOT published ORDER BY at, alert_id, sequence LIMIT 500")
    List<AlertEventRow> unpublished();

    @Query("UPDATE alert_event SET published = TRUE WHERE alert_id = :alertId AND sequence = :sequence")
    void markPublished(String alertId, int sequence);

    /** Held until the transaction ends: steps are written one at a time, so event_no order is commit order. */
    @Query("SELECT 1 FROM (SELECT pg_advisory_xact_lock(7310012)) AS locked")
    int lockEventOrder();

    @Query("SELECT alert_id, sequence, action, from_status, to_status, actor, note, at, escalation_level, recipients, event_no FROM alert_event WHERE event_no > :eventNo ORDER BY event_no LIMIT :limit")
    List<AlertEventRow> stepsAfter(long eventNo, int limit);

    @Query("SELECT COALESCE(MAX(event_no), 0) FROM alert_event")
    long lastEventNo();

    @Query("SELECT * FROM alert WHERE alert_id IN (:alertIds)")
    List<StoredAlert> findAll(Collection<String> alertIds);

    long count();
}
