package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.PeriodGranularity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CalendarPeriodTest {

    @Test
    void periodsAreLabelledAsPeopleWriteThemWithIsoWeeksOfTheWeekBasedYear() {
        assertEquals("2026-W01", label(PeriodGranularity.ISO_WEEK, "2026-01-01"), "1 January 2026 is a Thursday: week 1");
        assertEquals("2020-W53", label(PeriodGranularity.ISO_WEEK, "2021-01-03"), "3 January 2021 is still in 2020's week 53");
        assertEquals("2026-W48", label(PeriodGranularity.ISO_WEEK, "2026-11-23"));
        assertEquals("2026-11", label(PeriodGranularity.MONTH, "2026-11-23"));
        assertEquals("2026-11-23", label(PeriodGranularity.DAY, "2026-11-23"));
    }

    private static String label(PeriodGranularity granularity, String date) {
        return CalendarPeriod.containing(granularity, LocalDate.parse(date)).label();
    }
}
