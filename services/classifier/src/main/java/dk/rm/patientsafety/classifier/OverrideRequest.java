package dk.rm.patientsafety.classifier;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A caseworker's reclassification as posted: the fields to change, who decides, and why. */
@Serdeable
public record OverrideRequest(@Nullable String incidentType, @Nullable String overallSeverity, @Nullable Integer sacScore,
                              @Nullable String caseworker, @Nullable String reason) {
}
