package dk.rm.patientsafety.bulkimport;

import java.util.List;

/**
 * A CSV row turned into a report, or the reasons it could not be. {@code sourceId} is set whenever the row yields
 * one, also for a rejected row, so the summary can name it.
 */
public record MappedRow(long row, String sourceId, IncidentReport report, List<FieldError> errors) {

    public MappedRow {
        errors = List.copyOf(errors);
        if ((report == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a mapped row has either a report or errors");
        }
    }

    static MappedRow mapped(long row, IncidentReport report) {
        return new MappedRow(row, report.sourceId(), report, List.of());
    }

    static MappedRow rejected(long row, String sourceId, List<FieldError> errors) {
        return new MappedRow(row, sourceId, null, errors);
    }

    public boolean ok() {
        return report != null;
    }
}
