package dk.rm.patientsafety.alerting;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * One step of an alert's follow-up as the API shows it: what, who ({@code actor}: a token subject, or {@code system}),
 * when, who had the alert after it ({@code escalationLevel}) and which mailboxes it notified.
 */
@Serdeable
public record HistoryStep(int sequence, String action, String fromStatus, String toStatus, String actor, @Nullable String note,
                          Instant at, int escalationLevel, @JsonInclude(JsonInclude.Include.ALWAYS) List<String> recipients) {
}
