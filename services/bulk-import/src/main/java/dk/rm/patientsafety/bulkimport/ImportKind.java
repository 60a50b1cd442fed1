package dk.rm.patientsafety.bulkimport;

import java.util.function.Function;

/** The two CSV formats the importer reads. */
public enum ImportKind {
    /** Historical incident reports, one per row. */
    REPORTS("reports", ReportMapper::new),
    /** Monthly batch reports (samlerapportering): counts per month, unit and area. */
    BATCH_REPORTS("batch-reports", BatchReportMapper::new);

    private final String command;
    private final Function<String, RowMapper> mapper;

    ImportKind(String command, Function<String, RowMapper> mapper) {
        this.command = command;
        this.mapper = mapper;
    }

    /** The CLI subcommand that imports this format. */
    public String command() {
        return command;
    }

    RowMapper mapper(String source) {
        return mapper.apply(source);
    }
}
