package dk.rm.patientsafety.bulkimport;

import dk.rm.patientsafety.quality.QualityFormat;

import java.util.function.Function;

/** The CSV formats the importer reads, and the intake endpoint each goes to. */
public enum ImportKind {
    /** Historical incident reports, one per row. */
    REPORTS("reports", IntakeClient.BATCH_PATH, "reports", ReportMapper::new),
    /** Monthly batch reports (samlerapportering): counts per month, unit and area. */
    BATCH_REPORTS("batch-reports", IntakeClient.BATCH_PATH, "reports", BatchReportMapper::new),
    /** Indicator results of the clinical quality databases. */
    INDICATOR_RESULTS(QualityFormat.INDICATOR_RESULTS),
    /** Cancer-pathway times: shares within the standard time. */
    PATHWAY_TIMES(QualityFormat.PATHWAY_TIMES),
    /** Single cancer pathways: the days each took, for a T chart. */
    PATHWAY_CASES(QualityFormat.PATHWAY_CASES),
    /** Patient-experience results (LUP). */
    PATIENT_EXPERIENCE(QualityFormat.PATIENT_EXPERIENCE),
    /** Activity per unit and month (bed-days, admissions, outpatient visits). */
    ACTIVITY(QualityFormat.ACTIVITY);

    private final String command;
    private final String path;
    private final String noun;
    private final Function<String, RowMapper> mapper;

    ImportKind(String command, String path, String noun, Function<String, RowMapper> mapper) {
        this.command = command;
        this.path = path;
        this.noun = noun;
        this.mapper = mapper;
    }

    ImportKind(QualityFormat format) {
        this(format.path(), "/api/v1/quality/" + format.path(), "rows", source -> new QualityRowMapper(format, source));
    }

    /** The CLI subcommand that imports this format. */
    public String command() {
        return command;
    }

    /** Intake's endpoint for it. */
    public String path() {
        return path;
    }

    /** What its rows become, in the summary: reports, or rows of quality data. */
    String noun() {
        return noun;
    }

    RowMapper mapper(String source) {
        return mapper.apply(source);
    }
}
