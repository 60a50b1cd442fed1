package dk.rm.patientsafety.quality;

import dk.rm.patientsafety.events.Direction;
import dk.rm.patientsafety.events.IndicatorKind;
import dk.rm.patientsafety.events.QualityIndicatorObservation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Indicator results as the clinical quality databases (RKKP) publish them: one row per indicator, unit and period. */
final class IndicatorResultRows {

    static final List<Column> COLUMNS = List.of(
            Column.required("source", "the database, e.g. RKKP/DAHTA"),
            Column.required("indicator", "the indicator's id in its database, e.g. 1a"),
            Column.optional("indicator_version", "the version of its definition (1 when blank); versions are separate series"),
            Column.optional("kind", "andel (a share, the default), antal (a count), rate or måling (a measurement)"),
            Column.required("unit_sor", "the SOR code of the unit measured"),
            Column.required("period_start", "the first day of the period"),
            Column.required("period_end", "the last day of the period"),
            Column.optional("numerator", "tæller: cases meeting the indicator"),
            Column.optional("denominator", "nævner: cases after exclusions"),
            Column.optional("excluded", "cases excluded from the denominator"),
            Column.optional("missing", "uoplyst: cases with missing data"),
            Column.optional("value", "the result, when there are no counts: a share as 0,875 or 87,5 %, otherwise a number"),
            Column.optional("target", "the standard, e.g. 90 %"),
            Column.optional("direction", "højere (higher is better) or lavere (lower is better)"),
            Column.optional("standard_met", "ja or nej, as the database states it"),
            Column.optional("suppressed", "ja when the database suppressed small counts (nej when blank)"),
            Column.optional("data_frozen_at", "the day the data behind the result were frozen"));

    private static final Map<String, IndicatorKind> KINDS = Map.of("andel", IndicatorKind.PROPORTION, "proportion", IndicatorKind.PROPORTION,
            "antal", IndicatorKind.COUNT, "count", IndicatorKind.COUNT, "rate", IndicatorKind.RATE,
            "måling", IndicatorKind.MEASUREMENT, "maaling", IndicatorKind.MEASUREMENT, "measurement", IndicatorKind.MEASUREMENT);
    private static final Map<String, Direction> DIRECTIONS = Map.of("højere", Direction.HIGHER_IS_BETTER, "higher", Direction.HIGHER_IS_BETTER,
            "lavere", Direction.LOWER_IS_BETTER, "lower", Direction.LOWER_IS_BETTER);

    private IndicatorResultRows() {
    }

    static RowReading read(Row row) {
        String source = row.identifier("source", true, null);
        String indicator = row.identifier("indicator", true, null);
        String version = row.identifier("indicator_version", false, "1");
        IndicatorKind kind = symbol(row, "kind", KINDS, IndicatorKind.PROPORTION);
        String unit = row.sorCode("unit_sor");
        LocalDate[] period = Observations.period(row);
        Long numerator = row.whole("numerator", false);
        Long denominator = row.whole("denominator", false);
        Long excluded = row.whole("excluded", false);
        Long missing = row.whole("missing", false);
        Double value = kind == IndicatorKind.PROPORTION ? row.share("value") : row.decimal("value");
        Double target = kind == IndicatorKind.PROPORTION ? row.share("target") : row.decimal("target");
        Direction direction = symbol(row, "direction", DIRECTIONS, kind == IndicatorKind.PROPORTION ? Direction.HIGHER_IS_BETTER : Direction.UNKNOWN);
        Boolean standardMet = row.yesNo("standard_met");
        boolean suppressed = Boolean.TRUE.equals(row.yesNo("suppressed"));
        LocalDate frozen = row.date("data_frozen_at", false);
        if (row.clean()) {
            Observations.counts(row, numerator, denominator, !suppressed && value == null, kind == IndicatorKind.PROPORTION,
                    "numerator", "denominator");
        }
        if (!row.clean()) {
            return new RowReading(null, row.errors);
        }
        return new RowReading(Observations.record(QualityIndicatorObservation.newBuilder()
                .setSource(source).setIndicatorId(indicator).setIndicatorVersion(version).setKind(kind)
                .setUnitSorCode(unit).setPeriodStart(period[0]).setPeriodEnd(period[1])
                .setNumerator(numerator).setDenominator(denominator).setExcluded(excluded).setMissing(missing)
                .setValue(value).setTarget(target).setDirection(direction).setStandardMet(standardMet).setSuppressed(suppressed)
                .setDataFrozenAt(frozen == null ? null : frozen.atStartOfDay(ZoneOffset.UTC).toInstant())
                .build()), List.of());
    }

    private static <E> E symbol(Row row, String column, Map<String, E> labels, E fallback) {
        String value = row.text(column, false);
        if (value == null) {
            return fallback;
        }
        E symbol = labels.get(value.toLowerCase(Locale.ROOT).replace(" er bedre", "").replace(" is better", "").strip());
        if (symbol == null) {
            row.errors.add(new ColumnError(column, "is not one of " + String.join(", ", new java.util.TreeSet<>(labels.keySet()))));
        }
        return symbol;
    }
}
