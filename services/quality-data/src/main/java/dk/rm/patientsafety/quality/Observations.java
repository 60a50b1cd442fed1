package dk.rm.patientsafety.quality;

import dk.rm.patientsafety.events.Direction;
import dk.rm.patientsafety.events.IndicatorKind;
import dk.rm.patientsafety.events.QualityIndicatorObservation;

import java.time.LocalDate;

/** The checks every indicator-like row shares, and its record on the indicators topic. */
final class Observations {

    private Observations() {
    }

    /** The period columns: a start, and an end not before it. */
    static LocalDate[] period(Row row) {
        LocalDate start = row.date("period_start", true);
        LocalDate end = row.date("period_end", true);
        if (start != null && end != null) {
            row.check(!end.isBefore(start), "period_end", "is before period_start");
        }
        return new LocalDate[]{start, end};
    }

    /** Counts a result needs: both given unless the source suppressed them, and a share's numerator at most its denominator. */
    static void counts(Row row, Long numerator, Long denominator, boolean required, boolean share, String numeratorColumn,
                       String denominatorColumn) {
        if (required) {
            row.check(numerator != null, numeratorColumn, "is required unless suppressed is ja");
            row.check(denominator != null, denominatorColumn, "is required unless suppressed is ja");
        }
        if (numerator != null && denominator != null) {
            row.check(!share || numerator <= denominator, numeratorColumn, "exceeds " + denominatorColumn);
            row.check(numerator == 0 || denominator > 0, denominatorColumn, "is 0 while " + numeratorColumn + " is not");
        }
    }

    /** Keyed by series and period, or for one case by series and case id, so a correction replaces what it corrects. */
    static QualityRecord record(QualityIndicatorObservation observation) {
        String key = String.join("|", observation.getSource(), observation.getIndicatorId(), observation.getIndicatorVersion(),
                observation.getUnitSorCode(), observation.getCaseId() == null ? observation.getPeriodStart().toString()
                        : "case:" + observation.getCaseId());
        return new QualityRecord(QualityRecord.Destination.QUALITY_INDICATORS, key, observation);
    }

    static QualityIndicatorObservation.Builder proportion(String source, String indicator, String unit, LocalDate[] period,
                                                         Long numerator, Long denominator, boolean suppressed) {
        return QualityIndicatorObservation.newBuilder()
                .setSource(source)
                .setIndicatorId(indicator)
                .setKind(IndicatorKind.PROPORTION)
                .setDirection(Direction.HIGHER_IS_BETTER)
                .setUnitSorCode(unit)
                .setPeriodStart(period[0])
                .setPeriodEnd(period[1])
                .setNumerator(numerator)
                .setDenominator(denominator)
                .setSuppressed(suppressed);
    }
}
