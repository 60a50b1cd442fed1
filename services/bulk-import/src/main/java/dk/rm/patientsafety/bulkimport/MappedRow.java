package dk.rm.patientsafety.bulkimport;

import java.util.List;

/**
 * A CSV row turned into what intake takes (a report, or a row of quality data as JSON), or the reasons it could not
 * be. {@code sourceId} names the row in the summary (a report's source id, a quality row's series and period) and is
 * set whenever the row yields one, also for a rejected row.
 */
public record MappedRow(long row, String sourceId, Object document, List<FieldError> errors) {

    public MappedRow {
        errors = List.copyOf(errors);
        if ((document == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a mapped row has either a document or errors");
        }
    }

    static MappedRow mapped(long row, IncidentReport report) {
        return new MappedRow(row, report.sourceId(), report, List.of());
    }

    static MappedRow mapped(long row, String sourceId, Object document) {
        return new MappedRow(row, sourceId, document, List.of());
    }

    static MappedRow rejected(long row, String sourceId, List<FieldError> errors) {
        return new MappedRow(row, sourceId, null, errors);
    }

    /** The report of a report row. */
    public IncidentReport report() {
        return (IncidentReport) document;
    }

    public boolean ok() {
        return document != null;
    }
}
