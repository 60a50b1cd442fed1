package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.PeriodGranularity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChartReachTest {

    private final ChartReach reach = new ChartReach(GracePeriods.defaults(), ChartWindow.defaults());
    /** 15 December 2026, 11:00 in Copenhagen: November closes on 31 December, October closed on 1 December. */
    private final Instant now = Instant.parse("2026-12-15T10:00:00Z");

    @Test
    void aChangeMovesAChartOnlyInAClosedPeriodInsideTheWindow() {
        assertEquals(ChartReach.Reach.OPEN, of(PeriodGranularity.MONTH, "2026-11-01"), "November's grace runs until 31 December");
        assertEquals(ChartReach.Reach.CHARTED, of(PeriodGranularity.MONTH, "2026-10-01"));
        assertEquals(ChartReach.Reach.CHARTED, of(PeriodGranularity.MONTH, "2023-11-01"), "the 36th month back");
        assertEquals(ChartReach.Reach.BEFORE_WINDOW, of(PeriodGranularity.MONTH, "2023-10-01"));

        assertEquals(ChartReach.Reach.OPEN, of(PeriodGranularity.DAY, "2026-12-01"), "14 days' grace: closes on 16 December");
        assertEquals(ChartReach.Reach.CHARTED, of(PeriodGranularity.DAY, "2026-11-30"));
        assertEquals(ChartReach.Reach.CHARTED, of(PeriodGranularity.DAY, "2026-09-02"), "the 90th day back");
        assertEquals(ChartReach.Reach.BEFORE_WINDOW, of(PeriodGranularity.DAY, "2026-09-01"));
    }

    @Test
    void theBoundsMoveWithTheDay() {
        assertEquals(ChartReach.Reach.OPEN, of(PeriodGranularity.DAY, "2026-12-01"));
        assertEquals(ChartReach.Reach.CHARTED, reach.of(CalendarPeriod.containing(PeriodGranularity.DAY, LocalDate.parse("2026-12-01")),
                Instant.parse("2026-12-15T23:00:00Z")), "midnight in Copenhagen: 1 December has closed");
    }

    private ChartReach.Reach of(PeriodGranularity granularity, String day) {
        return reach.of(CalendarPeriod.containing(granularity, LocalDate.parse(day)), now);
    }
}
