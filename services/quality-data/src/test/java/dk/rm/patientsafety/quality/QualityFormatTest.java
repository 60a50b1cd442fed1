package dk.rm.patientsafety.quality;

import dk.rm.patientsafety.events.IndicatorKind;
import dk.rm.patientsafety.events.QualityIndicatorObservation;
import dk.rm.patientsafety.events.UnitActivity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QualityFormatTest {

    private static RowReading read(QualityFormat format, String... columnsAndValues) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            cells.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return format.read(cells::get, "upload");
    }

    @Test
    void anIndicatorResultInDanishFormsBecomesAnObservationKeyedBySeriesAndPeriod() {
        RowReading reading = read(QualityFormat.INDICATOR_RESULTS, "source", "RKKP/DAHTA", "indicator", "1a", "unit_sor", "1309011000000",
                "period_start", "01-01-2024", "period_end", "2024-03-31", "numerator", "1.234", "denominator", "1 400",
                "target", "90 %", "suppressed", "nej");
        assertTrue(reading.ok(), reading.errors().toString());
        QualityIndicatorObservation observation = (QualityIndicatorObservation) reading.record().value();
        assertEquals(QualityRecord.Destination.QUALITY_INDICATORS, reading.record().destination());
        assertEquals("RKKP/DAHTA|1a|1|1309011000000|2024-01-01", reading.record().key());
        assertEquals(IndicatorKind.PROPORTION, observation.getKind());
        assertEquals(1234L, observation.getNumerator());
        assertEquals(1400L, observation.getDenominator());
        assertEquals(0.9, observation.getTarget(), 1e-9);
        assertEquals(LocalDate.of(2024, 3, 31), observation.getPeriodEnd());
    }

    @Test
    void everyWrongColumnOfARowIsNamedWithoutItsValue() {
        RowReading reading = read(QualityFormat.INDICATOR_RESULTS, "source", "RKKP", "indicator", "1a", "unit_sor", "AUH",
                "period_start", "2024-02-30", "period_end", "2024-03-31", "numerator", "-3", "denominator", "10", "target", "190 %");
        assertFalse(reading.ok());
        assertEquals(List.of("unit_sor", "period_start", "numerator", "target"),
                reading.errors().stream().map(ColumnError::column).toList());
        reading.errors().forEach(error -> assertFalse(error.message().contains("AUH") || error.message().contains("190")));
    }

    @Test
    void aShareWhoseNumeratorExceedsItsDenominatorOrLacksCountsIsRefused() {
        assertEquals(List.of(new ColumnError("numerator", "exceeds denominator")), read(QualityFormat.INDICATOR_RESULTS,
                "source", "RKKP", "indicator", "1a", "unit_sor", "1", "period_start", "2024-01-01", "period_end", "2024-01-31",
                "numerator", "11", "denominator", "10").errors());
        assertEquals(List.of("numerator", "denominator"), read(QualityFormat.INDICATOR_RESULTS, "source", "RKKP", "indicator", "1a",
                "unit_sor", "1", "period_start", "2024-01-01", "period_end", "2024-01-31").errors().stream().map(ColumnError::column).toList());
        assertTrue(read(QualityFormat.INDICATOR_RESULTS, "source", "RKKP", "indicator", "1a", "unit_sor", "1",
                "period_start", "2024-01-01", "period_end", "2024-01-31", "suppressed", "ja").ok(), "a suppressed result has no counts");
    }

    @Test
    void freeTextCannotHideInAnIdentifierColumn() {
        RowReading reading = read(QualityFormat.PATIENT_EXPERIENCE, "question", "Patienten (010203-1234) klagede; meget utilfreds!",
                "unit_sor", "1", "period_start", "2024-01-01", "period_end", "2024-12-31", "positive", "5", "respondents", "9");
        assertEquals(List.of("question"), reading.errors().stream().map(ColumnError::column).toList());
    }

    @Test
    void pathwayTimesAndPatientExperienceAreSharesOfTheirSource() {
        RowReading pathway = read(QualityFormat.PATHWAY_TIMES, "pathway", "A02", "phase", "OF4", "unit_sor", "1309011000000",
                "period_start", "2024-01-01", "period_end", "2024-03-31", "within_standard", "45", "pathways", "50");
        assertEquals("kraeftpakker|A02:OF4|1|1309011000000|2024-01-01", pathway.record().key());
        RowReading survey = read(QualityFormat.PATIENT_EXPERIENCE, "question", "3", "unit_sor", "1309011000000",
                "period_start", "2024-01-01", "period_end", "2024-12-31", "positive", "80", "respondents", "100");
        assertEquals("LUP", ((QualityIndicatorObservation) survey.record().value()).getSource());
    }

    @Test
    void aSinglePathwayIsItsDaysFromStartToEndKeyedByItsCase() {
        RowReading reading = read(QualityFormat.PATHWAY_CASES, "pathway", "A02", "phase", "OF4", "unit_sor", "1309011000000",
                "case_id", "F-2025-0042", "start_date", "03-02-2025", "end_date", "2025-03-10", "standard_days", "30");
        QualityIndicatorObservation observation = (QualityIndicatorObservation) reading.record().value();
        assertEquals(35.0, observation.getValue(), "February 3 to March 10, 2025");
        assertEquals("F-2025-0042", observation.getCaseId());
        assertEquals(30.0, observation.getTarget());
        assertEquals("kraeftforloeb|A02:OF4|1|1309011000000|case:F-2025-0042", reading.record().key(),
                "a correction of the case replaces it, whatever its dates");

        assertEquals(List.of("case_id", "end_date"), read(QualityFormat.PATHWAY_CASES, "pathway", "A02", "unit_sor", "1",
                "case_id", "Anna Hansen, 12 år!", "start_date", "2025-03-10", "end_date", "2025-03-09")
                .errors().stream().map(ColumnError::column).toList(), "a case id is a code, and a time runs forwards");
        assertEquals(List.of("case_id"), read(QualityFormat.PATHWAY_CASES, "pathway", "A02", "unit_sor", "1",
                "start_date", "2025-03-10", "end_date", "2025-03-10").errors().stream().map(ColumnError::column).toList());
    }

    @Test
    void activityNeedsAMonthAndAtLeastOneFigure() {
        RowReading activity = read(QualityFormat.ACTIVITY, "unit_sor", "1309011000000", "month", "2024-02", "bed_days", "1.200");
        UnitActivity value = (UnitActivity) activity.record().value();
        assertEquals(LocalDate.of(2024, 2, 29), value.getPeriodEnd());
        assertEquals(1200L, value.getBedDays());
        assertEquals("upload", value.getSource());
        assertEquals("1309011000000|2024-02-01", activity.record().key());
        assertEquals(List.of(new ColumnError("bed_days", "or admissions or outpatient_visits is required")),
                read(QualityFormat.ACTIVITY, "unit_sor", "1", "month", "2024-02").errors());
        assertEquals(List.of("month"), read(QualityFormat.ACTIVITY, "unit_sor", "1", "month", "2024-13", "admissions", "3")
                .errors().stream().map(ColumnError::column).toList());
    }
}
