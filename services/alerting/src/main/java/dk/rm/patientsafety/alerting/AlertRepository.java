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

    @Query("""
            INSERT INTO alert (alert_id, kind, report_id, overall_severity, incident_location, event_date, headline, reason, raised_at, status)
            VALUES (:alertId, :kind, :reportId, :overallSeverity, :incidentLocation, :eventDate, :headline, :reason, :raisedAt, :status)
            ON CONFLICT (alert_id) DO UPDATE SET kind = EXCLUDED.kind, report_id = EXCLUDED.report_id,
                overall_severity = EXCLUDED.overall_severity, incident_location = EXCLUDED.incident_location,
                event_date = EXCLUDED.event_date, headline = EXCLUDED.headline, reason = EXCLUDED.reason,
                raised_at = EXCLUDED.raised_at, status = EXCLUDED.status""")
    void upsert(String alertId, String kind, @Nullable String reportId, String overallSeverity, String incidentLocation,
                @Nullable LocalDate eventDate, String headline, String reason, Instant raisedAt, String status);

    List<StoredAlert> findByIncidentLocationOrderByRaisedAtDesc(String incidentLocation);

    List<StoredAlert> findByIncidentLocationInOrderByRaisedAtDesc(Collection<String> incidentLocations);

    List<StoredAlert> findAllOrderByRaisedAtDesc();

    long count();
}
