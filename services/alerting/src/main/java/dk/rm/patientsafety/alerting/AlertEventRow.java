package dk.rm.patientsafety.alerting;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One step of an alert's follow-up as the table keeps it and the API shows it. */
@Introspected
@Serdeable
public record AlertEventRow(String alertId, int sequence, String action, String fromStatus, String toStatus, String actor,
                            @Nullable String note, Instant at) {
}
