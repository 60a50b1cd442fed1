package dk.rm.patientsafety.quality;

import dk.rm.patientsafety.events.Direction;
import dk.rm.patientsafety.events.IndicatorKind;
import dk.rm.patientsafety.events.QualityIndicatorObservation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Single cancer pathways (kræftforløb): one row per pathway and phase, the days from its start to its end, so a unit's
 * times can be charted case by case on a T chart instead of as a quarter's share within the standard.
 */
final class PathwayCaseRows {

    static final String SOURCE = "kraeftforloeb";
    static final List<Column> COLUMNS = List.of(
            Column.required("pathway", "the pathway's code or name, e.g. A02"),
            Column.optional("phase", "the part of the pathway timed, e.g. OF4 (the whole pathway when blank)"),
            Column.required("unit_sor", "the SOR code of the unit responsible"),
            Column.required("case_id", "the source's id of the pathway: a code, never a CPR number; a later row with the same id corrects it"),
            Column.required("start_date", "the day the time started, e.g. the referral"),
            Column.required("end_date", "the day it ended, e.g. the start of treatment"),
            Column.optional("standard_days", "the standard time of this pathway and phase in days"));

    private PathwayCaseRows() {
    }

    static RowReading read(Row row) {
        String pathway = row.identifier("pathway", true, null);
        String phase = row.identifier("phase", false, null);
        String unit = row.sorCode("unit_sor");
        String caseId = row.identifier("case_id", true, null);
        LocalDate start = row.date("start_date", true);
        LocalDate end = row.date("end_date", true);
        Long standard = row.whole("standard_days", false);
        if (start != null && end != null) {
            row.check(!end.isBefore(start), "end_date", "is before start_date");
        }
        if (!row.clean()) {
            return new RowReading(null, row.errors);
        }
        String indicator = phase == null ? pathway : pathway + ":" + phase;
        return new RowReading(Observations.record(QualityIndicatorObservation.newBuilder()
                .setSource(SOURCE)
                .setIndicatorId(indicator)
                .setKind(IndicatorKind.MEASUREMENT)
                .setDirection(Direction.LOWER_IS_BETTER)
                .setUnitSorCode(unit)
                .setCaseId(caseId)
                .setPeriodStart(start)
                .setPeriodEnd(end)
                .setValue((double) ChronoUnit.DAYS.between(start, end))
                .setTarget(standard == null ? null : standard.doubleValue())
                .build()), List.of());
    }
}
