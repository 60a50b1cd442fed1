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

/** Alerts in PostgreSQL; writes are upserts by alert id so a replayed alert never becomes a second row. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AlertRepository extends GenericRepository<StoredAlert, String> {

    /** Keeps the first raise time, whatever a replay of an older record says. */
    @Query("""
            INSERT INTO alert (alert_id, kind, report_id, overall_severity, incident_location, event_date, headline, reason,
                raised_at, status, responsible_unit, lineage, updated_at, incident_type, report_ids, last_event_date, series_id)
            VALUES (:alertId, :kind, :reportId, :overallSeverity, :incidentLocation, :eventDate, :headline, :reason,
                :raisedAt, :status, :responsibleUnit, :lineage, :updatedAt, :incidentType, :reportIds, :lastEventDate, :seriesId)
            ON CONFLICT (alert_id) DO UPDATE SET kind = EXCLUDED.kind, report_id = EXCLUDED.report_id,
                overall_severity = EXCLUDED.overall_severity, incident_location = EXCLUDED.incident_location,
                event_date = EXCLUDED.event_date, headline = EXCLUDED.headline, reason = EXCLUDED.reason,
                raised_at = LEAST(alert.raised_at, EXCLUDED.raised_at), status = EXCLUDED.status,
                responsible_unit = EXCLUDED.responsible_unit, lineage = EXCLUDED.lineage, updated_at = EXCLUDED.updated_at,
                incident_type = EXCLUDED.incident_type, report_ids = EXCLUDED.report_ids, last_event_date = EXCLUDED.last_event_date,
                series_id = EXCLUDED.series_id""")
    void upsert(String alertId, String kind, @Nullable String reportId, String overallSeverity, String incidentLocation,
                @Nullable LocalDate eventDate, String headline, String reason, Instant raisedAt, String status,
                @Nullable String responsibleUnit, String lineage, Instant updatedAt, @Nullable String incidentType, String reportIds,
                @Nullable LocalDate lastEventDate, @Nullable String seriesId);

    /**
     * Alerts newest first, each filter applied where given (a status, a kind, an overall severity), at the incident
     * locations {@code locations} unless {@code everywhere}.
     */
    @Query("""
            SELECT * FROM alert
            WHERE (CAST(:status AS TEXT) IS NULL OR status = CAST(:status AS TEXT))
              AND (CAST(:kind AS TEXT) IS NULL OR kind = CAST(:kind AS TEXT))
              AND (CAST(:severity AS TEXT) IS NULL OR overall_severity = CAST(:severity AS TEXT))
              AND (:everywhere OR incident_location IN (:locations))
            ORDER BY raised_at DESC, alert_id""")
    List<StoredAlert> search(@Nullable String status, @Nullable String kind, @Nullable String severity, boolean everywhere,
                             Collection<String> locations);

    long count();
}
