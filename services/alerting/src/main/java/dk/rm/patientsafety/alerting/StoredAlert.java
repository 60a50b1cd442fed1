package dk.rm.patientsafety.alerting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/** An alert as the patient-safety officers' API shows it, and as it is kept in PostgreSQL. */
@Serdeable
@MappedEntity("alert")
public record StoredAlert(
        @Id String alertId,
        String kind,
        @Nullable String reportId,
        String overallSeverity,
        String incidentLocation,
        @Nullable LocalDate eventDate,
        String headline,
        String reason,
        Instant raisedAt,
        String status) {
}
