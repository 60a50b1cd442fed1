package dk.rm.patientsafety.learning;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryOutboxTest {

    @Test
    void onlyAPeriodThatEndedWithinTheMaximumAgeIsMailed() {
        Instant now = Instant.parse("2026-12-08T10:00:00Z");
        Duration maxAge = Duration.ofDays(35);
        assertTrue(SummaryOutbox.recent(LocalDate.parse("2026-11-30"), now, maxAge), "November, just closed");
        assertTrue(SummaryOutbox.recent(LocalDate.parse("2026-11-03"), now, maxAge), "ended 34 days and 10 hours ago");
        assertFalse(SummaryOutbox.recent(LocalDate.parse("2026-11-02"), now, maxAge), "ended 35 days and 10 hours ago");
        assertFalse(SummaryOutbox.recent(LocalDate.parse("2021-03-31"), now, maxAge), "a resumed subscription's old periods");
    }
}
