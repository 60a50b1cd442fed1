package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.PeriodGranularity;
import dk.rm.patientsafety.spc.ChartSpec;
import dk.rm.patientsafety.spc.ChartType;
import dk.rm.patientsafety.spc.Observation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalPolicyTest {

    private final SignalPolicy policy = SignalPolicy.defaults();

    @Test
    void weeklyAndMonthlyIncidentSeriesOfTenPeriodsOrMoreAreJudged() {
        assertTrue(policy.judges(series("incidents:MONTH:U:ALL", 10)));
        assertTrue(policy.judges(series("incidents:ISO_WEEK:U:MEDICATION", 30)));
        assertFalse(policy.judges(series("incidents:MONTH:U:ALL", 9)), "too few periods to trust limits and runs");
        assertFalse(policy.judges(series("incidents:DAY:U:ALL", 90)), "daily counts of one unit are mostly zeros");
    }

    @Test
    void countsOfRareIncidentsAreChartedButNotJudged() {
        assertTrue(policy.judges(series("incidents:MONTH:U:ALL", 12, 1)), "one incident per month on average");
        assertFalse(policy.judges(series("incidents:MONTH:U:MEDICATION", 12, 0, 0, 1)), "one incident every third month");
        assertTrue(policy.judges(series("indicator:LUP:tilfredshed:1:U", 12, 0, 0, 1)), "indicators are not counts of incidents");
    }

    @Test
    void rareEventsAreJudgedOnTheDaysBetweenThemWhereTheirCountsAreTooSparse() {
        assertTrue(policy.judges(series("between:U:SERIOUS", 10, 5)), "serious incidents have no count chart of their own");
        assertFalse(policy.judges(series("between:U:SERIOUS", 9, 5)), "too few intervals");
        assertTrue(policy.judges(series("between:U:MEDICATION", 12, 45)), "fewer than one a month: its count chart is not judged");
        assertFalse(policy.judges(series("between:U:MEDICATION", 12, 3, 4)), "several a week: judged on its counts instead");
        assertFalse(policy.judges(series("between:U:MEDICATION", 12, 0)), "all on one day");
    }

    @Test
    void indicatorSeriesAreJudgedAtAnyPeriodOnceLongEnough() {
        assertTrue(policy.judges(series("indicator:LUP:tilfredshed:1:U", 10)));
        assertFalse(policy.judges(series("indicator:LUP:tilfredshed:1:U", 4)));
    }

    private static SeriesData series(String id, int periods) {
        return series(id, periods, 1, 2, 3);
    }

    /** {@code periods} periods whose counts repeat {@code pattern}. */
    private static SeriesData series(String id, int periods, int... pattern) {
        List<SeriesPoint> points = new ArrayList<>();
        for (int i = 0; i < periods; i++) {
            CalendarPeriod period = CalendarPeriod.containing(PeriodGranularity.DAY, LocalDate.parse("2026-01-01").plusDays(i));
            points.add(SeriesPoint.of(period.start(), period.end(), period.label(), Observation.count(pattern[i % pattern.length])));
        }
        return new SeriesData(id, id, "U", "incidents", ChartSpec.of(ChartType.C), points);
    }
}
