package dk.rm.patientsafety.alerting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** An alert as it is kept in PostgreSQL; lists ({@code lineage}, {@code reportIds}) as {@code |a|b|c|}. */
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
        @Nullable Instant updatedAt,
        @Nullable String incidentType,
        String reportIds,
        @Nullable LocalDate lastEventDate,
        @Nullable String seriesId,
        String followUp,
        boolean crossSector,
        int escalationLevel,
        @Nullable Instant escalateAt) {

    /** {@code |a|b|c|}: ids and SOR codes hold no {@code |}. */
    static String listColumn(List<String> items) {
        return items.isEmpty() ? "" : "|" + String.join("|", items) + "|";
    }

    static List<String> list(String column) {
        return column.isEmpty() ? List.of() : Arrays.asList(column.substring(1, column.length() - 1).split("\\|"));
    }

    /** The alert with its follow-up set as {@link AlertRepository#setFollowUp} sets it. */
    StoredAlert followedUp(String status, int level, @Nullable Instant deadline) {
        return new StoredAlert(alertId, kind, reportId, overallSeverity, incidentLocation, eventDate, headline, reason, raisedAt, this.status,
                responsibleUnit, lineage, updatedAt, incidentType, reportIds, lastEventDate, seriesId, status, crossSector, level, deadline);
    }

    AlertRecipients.Addressee addressee() {
        return new AlertRecipients.Addressee(list(lineage).isEmpty() ? List.of(incidentLocation) : list(lineage), responsibleUnit, crossSector);
    }

    AlertView view() {
        return new AlertView(alertId, kind, reportId, overallSeverity, incidentLocation, responsibleUnit, list(lineage), incidentType,
                list(reportIds), seriesId, eventDate, lastEventDate, headline, reason, raisedAt, updatedAt == null ? raisedAt : updatedAt, status, followUp,
                crossSector, escalationLevel, escalateAt);
    }
}
