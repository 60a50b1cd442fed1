package dk.rm.patientsafety.quality;

import dk.rm.patientsafety.events.UnitActivity;

import java.time.YearMonth;
import java.util.List;

/** Activity per unit and month (bed-days, admissions, outpatient visits): the denominators of rates. */
final class ActivityRows {

    static final List<Column> COLUMNS = List.of(
            Column.required("unit_sor", "the SOR code of the unit, as in the incidents' responsible unit"),
            Column.required("month", "the month, YYYY-MM"),
            Column.optional("bed_days", "sengedage"),
            Column.optional("admissions", "indlæggelser"),
            Column.optional("outpatient_visits", "ambulante besøg"),
            Column.optional("source", "the system the figures come from"));

    private ActivityRows() {
    }

    static RowReading read(Row row, String defaultSource) {
        String unit = row.sorCode("unit_sor");
        YearMonth month = row.month("month");
        Long bedDays = row.whole("bed_days", false);
        Long admissions = row.whole("admissions", false);
        Long visits = row.whole("outpatient_visits", false);
        String source = row.identifier("source", false, defaultSource);
        if (row.clean()) {
            row.check(bedDays != null || admissions != null || visits != null, "bed_days",
                    "or admissions or outpatient_visits is required");
        }
        if (!row.clean()) {
            return new RowReading(null, row.errors);
        }
        UnitActivity activity = UnitActivity.newBuilder().setUnitSorCode(unit).setPeriodStart(month.atDay(1))
                .setPeriodEnd(month.atEndOfMonth()).setBedDays(bedDays).setAdmissions(admissions).setOutpatientVisits(visits)
                .setSource(source).build();
        return new RowReading(new QualityRecord(QualityRecord.Destination.ACTIVITY, unit + "|" + month.atDay(1), activity), List.of());
    }
}
