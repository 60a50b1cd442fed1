package dk.rm.patientsafety.bulkimport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an import did: rows read, reports accepted, rejected by the importer (not sent) or by intake, and the
 * rejection reasons grouped by field and message. It names rows by their number and source id only, never by
 * their content, so it can be printed and kept in a log.
 */
public final class ImportSummary {

    /** Who rejected a report. */
    public enum Origin {
        /** The importer could not map the row; it was not sent. */
        IMPORTER,
        /** Intake rejected the report. */
        INTAKE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One rejection reason: how many reports it rejected and a few of them as examples ("row 4 (UTH-17)"). */
    public record Reason(Origin origin, String field, String message, long reports, List<String> examples) {
    }

    static final int EXAMPLES = 3;

    private final ImportKind kind;
    private final String file;
    private final String target;
    private final boolean dryRun;
    private final Map<List<Object>, Reason> reasons = new LinkedHashMap<>();
    private long read;
    private long mapped;
    private long accepted;
    private long rejectedByImporter;
    private long rejectedByIntake;
    private String failure;
    private String note;
    private long elapsedNanos;

    ImportSummary(ImportKind kind, String file, String target, boolean dryRun) {
        this.kind = kind;
        this.file = file;
        this.target = target;
        this.dryRun = dryRun;
    }

    // --- recording ---------------------------------------------------------------------------------------------

    void read(long rows) {
        read = rows;
    }

    void countMapped() {
        mapped++;
    }

    void countAccepted() {
        accepted++;
    }

    void countRejected(Origin origin, long row, String sourceId, List<FieldError> errors) {
        if (origin == Origin.IMPORTER) {
            rejectedByImporter++;
        } else {
            rejectedByIntake++;
        }
        List<FieldError> reasonsOfRow = errors.isEmpty() ? List.of(new FieldError("", "rejected without a reason")) : errors;
        reasonsOfRow.stream().map(ImportSummary::grouped).distinct().forEach(error -> {
            List<Object> key = List.of(origin, error.field(), error.message());
            Reason old = reasons.get(key);
            List<String> examples = new ArrayList<>(old == null ? List.of() : old.examples());
            if (examples.size() < EXAMPLES) {
                examples.add("row " + row + (sourceId == null ? "" : " (" + sourceId + ")"));
            }
            reasons.put(key, new Reason(origin, error.field(), error.message(),
                    (old == null ? 0 : old.reports()) + 1, List.copyOf(examples)));
        });
    }

    void fail(String reason) {
        failure = reason;
    }

    void note(String text) {
        note = text;
    }

    void elapsed(long nanos) {
        elapsedNanos = nanos;
    }

    // --- results -----------------------------------------------------------------------------------------------

    public ImportKind kind() {
        return kind;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** Data rows in the file (blank rows not counted). */
    public long read() {
        return read;
    }

    /** Rows the importer mapped to a report (in a dry run: the reports that would be sent). */
    public long mapped() {
        return mapped;
    }

    public long accepted() {
        return accepted;
    }

    public long rejected() {
        return rejectedByImporter + rejectedByIntake;
    }

    public long rejectedByImporter() {
        return rejectedByImporter;
    }

    public long rejectedByIntake() {
        return rejectedByIntake;
    }

    /** Rows neither accepted nor rejected: the dry run's mapped rows, or what an aborted import did not get to. */
    public long notSent() {
        return read - accepted - rejected();
    }

    /** Why the import stopped early, or null when it ran to the end. */
    public String failure() {
        return failure;
    }

    /** The reasons, most frequent first. */
    public List<Reason> reasons() {
        return reasons.values().stream()
                .sorted(Comparator.comparingLong(Reason::reports).reversed()
                        .thenComparing(Reason::origin).thenComparing(Reason::field).thenComparing(Reason::message))
                .toList();
    }

    /** 0 when every report was accepted (or, in a dry run, mapped), 1 when some were rejected, 2 when the import failed. */
    public int exitCode() {
        if (failure != null) {
            return 2;
        }
        return rejected() > 0 ? 1 : 0;
    }

    private String singular() {
        return kind.noun().substring(0, kind.noun().length() - 1);
    }

    /** The closing summary as a small text table. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Bulk import of ").append(kind.command()).append(" from ").append(file)
                .append(dryRun ? " (dry run: nothing sent)" : " to " + target).append('\n');
        List<String[]> counts = new ArrayList<>();
        counts.add(new String[]{"read", Long.toString(read), "rows"});
        if (dryRun) {
            counts.add(new String[]{"would be sent", Long.toString(mapped), ""});
        } else {
            counts.add(new String[]{"accepted", Long.toString(accepted), ""});
        }
        counts.add(new String[]{"rejected", Long.toString(rejected()), ""});
        counts.add(new String[]{"  by importer", Long.toString(rejectedByImporter), "not sent"});
        if (!dryRun) {
            counts.add(new String[]{"  by intake", Long.toString(rejectedByIntake), ""});
        }
        if (!dryRun && notSent() > 0) {
            counts.add(new String[]{"not sent", Long.toString(notSent()), "import stopped"});
        }
        table(out, counts, new boolean[]{false, true, false});
        double seconds = elapsedNanos / 1e9;
        out.append(String.format(Locale.ROOT, "  took %.1f s", seconds));
        if (seconds > 0.001 && read > 0) {
            out.append(String.format(Locale.ROOT, " (%.0f rows/s)", read / seconds));
        }
        out.append('\n');
        if (note != null) {
            out.append("Note: ").append(note).append('\n');
        }
        List<Reason> sorted = reasons();
        if (!sorted.isEmpty()) {
            out.append("\nRejection reasons (a ").append(singular()).append(" may have several):\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[]{"by", "field", "message", kind.noun(), "e.g."});
            for (Reason reason : sorted) {
                rows.add(new String[]{reason.origin().label(), reason.field(), reason.message(), Long.toString(reason.reports()),
                        String.join(", ", reason.examples())});
            }
            table(out, rows, new boolean[]{false, false, false, true, false});
        }
        if (failure != null) {
            out.append("\nFailed: ").append(failure).append('\n');
        }
        out.append(switch (exitCode()) {
            case 0 -> dryRun ? "Every row can be mapped (exit code 0).\n" : "Every " + singular() + " was accepted (exit code 0).\n";
            case 1 -> "Some " + kind.noun() + " were rejected (exit code 1).\n";
            default -> "The import did not complete (exit code 2).\n";
        });
        return out.toString();
    }

    private static void table(StringBuilder out, List<String[]> rows, boolean[] rightAligned) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                String cell = row[i];
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(rightAligned[i] ? pad + cell : cell + pad).append("  ");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /** {@code medicines[2].atcCode} and {@code medicines[0].atcCode} are one reason: {@code medicines[].atcCode}. */
    private static FieldError grouped(FieldError error) {
        return new FieldError(nullToEmpty(error.field()).replaceAll("\\[\\d+]", "[]"), nullToEmpty(error.message()));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    @Override
    public String toString() {
        return "ImportSummary[" + kind + ", read=" + read + ", accepted=" + accepted + ", rejected=" + rejected()
                + (failure == null ? "" : ", failed") + "]";
    }
}
