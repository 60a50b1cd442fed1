package dk.rm.patientsafety.quality;

import java.time.LocalDate;
import java.util.List;

/** Patient-experience results (LUP): per question, unit and period, the positive answers out of the answers given. */
final class PatientExperienceRows {

    static final String SOURCE = "LUP";
    static final List<Column> COLUMNS = List.of(
            Column.optional("survey", "the survey (LUP when blank)"),
            Column.required("question", "the question's number or code in the survey"),
            Column.required("unit_sor", "the SOR code of the unit"),
            Column.required("period_start", "the first day of the period surveyed"),
            Column.required("period_end", "the last day of the period surveyed"),
            Column.optional("positive", "answers in the positive categories"),
            Column.optional("respondents", "answers to the question"),
            Column.optional("suppressed", "ja when results from few respondents were suppressed (nej when blank)"));

    private PatientExperienceRows() {
    }

    static RowReading read(Row row) {
        String survey = row.identifier("survey", false, SOURCE);
        String question = row.identifier("question", true, null);
        String unit = row.sorCode("unit_sor");
        LocalDate[] period = Observations.period(row);
        Long positive = row.whole("positive", false);
        Long respondents = row.whole("respondents", false);
        boolean suppressed = Boolean.TRUE.equals(row.yesNo("suppressed"));
        if (row.clean()) {
            Observations.counts(row, positive, respondents, !suppressed, true, "positive", "respondents");
        }
        if (!row.clean()) {
            return new RowReading(null, row.errors);
        }
        return new RowReading(Observations.record(
                Observations.proportion(survey, question, unit, period, positive, respondents, suppressed).build()), List.of());
    }
}
