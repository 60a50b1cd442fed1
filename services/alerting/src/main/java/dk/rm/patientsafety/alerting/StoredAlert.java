package dk.rm.patientsafety.alerting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** An alert as it is kept in PostgreSQL; {@code lineage} is {@code |unit|parent|…|}, so one LIKE finds a unit's alerts. */
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
        String status,
        @Nullable String responsibleUnit,
        String lineage,
        @Nullable Instant updatedAt) {

    static String lineageColumn(List<String> units) {
        return units.isEmpty() ? "" : "|" + String.join("|", units) + "|";
    }

    AlertView view() {
        List<String> units = lineage.isEmpty() ? List.of() : Arrays.asList(lineage.substring(1, lineage.length() - 1).split("\\|"));
        return new AlertView(alertId, kind, reportId, overallSeverity, incidentLocation, responsibleUnit, units, eventDate,
                headline, reason, raisedAt, updatedAt == null ? raisedAt : updatedAt, status);
    }
}
