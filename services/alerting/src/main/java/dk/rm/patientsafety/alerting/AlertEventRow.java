package dk.rm.patientsafety.alerting;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/** One step of an alert's follow-up as the table keeps it; {@code recipients} as {@code |a|b|}, {@code eventNo} its place in all steps. */
@Introspected
public record AlertEventRow(String alertId, int sequence, String action, String fromStatus, String toStatus, String actor,
                            @Nullable String note, Instant at, int escalationLevel, String recipients, long eventNo) {

    List<String> recipientList() {
        return StoredAlert.list(recipients);
    }

    HistoryStep view() {
        return new HistoryStep(sequence, action, fromStatus, toStatus, actor, note, at, escalationLevel, recipientList());
    }
}
