package dk.rm.patientsafety.alerting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/** Where a page of the alert list ended: the last alert's raise time and id, opaque to clients (URL-safe Base64). */
record AlertCursor(Instant raisedAt, String alertId) {

    static String of(Instant raisedAt, String alertId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((raisedAt + "|" + alertId).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<AlertCursor> parse(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar < 0 || bar == text.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new AlertCursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
