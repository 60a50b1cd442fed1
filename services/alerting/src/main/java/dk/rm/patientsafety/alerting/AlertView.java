package dk.rm.patientsafety.alerting;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An alert as the patient-safety officers' API shows it: who handles it ({@code responsibleUnit}), whose lists it is on
 * ({@code lineage}, the incident location first), its evidence ({@code reportIds}: a cluster's reports; a serious
 * incident's is {@code reportId}; a control-chart signal's its {@code seriesId}), when it was first raised and when it
 * last changed, and where its follow-up stands ({@code followUp}: OPEN, ACKNOWLEDGED, ACTION_UNDERWAY, RESOLVED,
 * WITHDRAWN), who has it ({@code escalationLevel}: 0 the responsible unit's risk managers, 1 also its management, 2 also
 * the regional team) and when it goes up next unless acknowledged ({@code escalateAt}).
 */
@Serdeable
public record AlertView(String alertId, String kind, @Nullable String reportId, String overallSeverity, String incidentLocation,
                        @Nullable String responsibleUnit, @JsonInclude(JsonInclude.Include.ALWAYS) List<String> lineage, @Nullable String incidentType,
                        @JsonInclude(JsonInclude.Include.ALWAYS) List<String> reportIds,
                        @Nullable String seriesId, @Nullable LocalDate eventDate, @Nullable LocalDate lastEventDate, String headline, String reason,
                        Instant raisedAt, Instant updatedAt, String status, String followUp, boolean crossSector,
                        int escalationLevel, @Nullable Instant escalateAt) {
}
