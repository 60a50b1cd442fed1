package dk.rm.patientsafety.quality;

import java.time.LocalDate;
import java.util.List;

/**
 * Cancer-pathway times (kræftpakker) as the national monitoring publishes them: per pathway, phase, unit and period,
 * how many pathways kept the standard time out of how many.
 */
final class PathwayTimeRows {

    static final String SOURCE = "kraeftpakker";
    static final List<Column> COLUMNS = List.of(
            Column.required("pathway", "the pathway's code or name, e.g. A02"),
            Column.optional("phase", "the part of the pathway timed, e.g. OF4 (the whole pathway when blank)"),
            Column.required("unit_sor", "the SOR code of the unit"),
            Column.required("period_start", "the first day of the period"),
            Column.required("period_end", "the last day of the period"),
            Column.optional("within_standard", "pathways within the standard time"),
            Column.optional("pathways", "pathways in the period"),
            Column.optional("target", "the goal, e.g. 90 %"),
            Column.optional("suppressed", "ja when small counts were suppressed (nej when blank)"));

    private PathwayTimeRows() {
    }

    static RowReading read(Row row) {
        String pathway = row.identifier("pathway", true, null);
        String phase = row.identifier("phase", false, null);
        String unit = row.sorCode("unit_sor");
        LocalDate[] period = Observations.period(row);
        Long within = row.whole("within_standard", false);
        Long pathways = row.whole("pathways", false);
        Double target = row.share("target");
        boolean suppressed = Boolean.TRUE.equals(row.yesNo("suppressed"));
        if (row.clean()) {
            Observations.counts(row, within, pathways, !suppressed, true, "within_standard", "pathways");
        }
        if (!row.clean()) {
            return new RowReading(null, row.errors);
        }
        String indicator = phase == null ? pathway : pathway + ":" + phase;
        return new RowReading(Observations.record(Observations.proportion(SOURCE, indicator, unit, period, within, pathways, suppressed)
                .setTarget(target).build()), List.of());
    }
}
