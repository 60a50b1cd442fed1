package dk.rm.patientsafety.alerting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An alert as the patient-safety officers' API shows it: who handles it ({@code responsibleUnit}), whose lists it is on
 * ({@code lineage}, the incident location first), when it was first raised and when it last changed.
 */
@Serdeable
public record AlertView(String alertId, String kind, @Nullable String reportId, String overallSeverity, String incidentLocation,
                        @Nullable String responsibleUnit, List<String> lineage, @Nullable LocalDate eventDate, String headline,
                        String reason, Instant raisedAt, Instant updatedAt, String status) {
}
