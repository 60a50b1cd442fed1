package dk.rm.patientsafety.bulkimport;

import dk.rm.patientsafety.tabular.CsvFile;
import dk.rm.patientsafety.tabular.CsvRow;
import dk.rm.patientsafety.tabular.CsvException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.rm.patientsafety.bulkimport.ImportSummary.Origin;

import java.io.PrintStream;
import dk.rm.patientsafety.oauth.AccessTokens;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Imports a CSV file into intake: reads it once to check it and count its rows, then maps each row to a report
 * and sends the reports in batches to intake's batch endpoint, showing progress, and prints a closing summary.
 * A row the importer cannot map is rejected locally and not sent. A batch that intake finds too large (413) is
 * split in halves, and later batches are sent at the smaller size.
 *
 * <pre>{@code
 * ImportSummary summary = BulkImporter.builder().intake(URI.create("http://localhost:8080")).output(out).build()
 *         .importFile(ImportKind.REPORTS, Path.of("reports.csv"));
 * }</pre>
 */
public final class BulkImporter {

    public static final int DEFAULT_BATCH_SIZE = 200;
    public static final String DEFAULT_SOURCE = "bulk-import";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI intake;
    private final AccessTokens tokens;
    private final int batchSize;
    private final String source;
    private final boolean dryRun;
    private final char delimiter;
    private final Charset charset;
    private final PrintStream output;
    private final PrintStream progress;
    private final boolean terminal;
    private final Duration timeout;
    private final int retries;
    private final Duration backoff;
    private final LongSupplier nanoTime;

    private BulkImporter(Builder builder) {
        if (builder.intake == null && !builder.dryRun) {
            throw new IllegalArgumentException("intake's URL is required unless it is a dry run");
        }
        if (builder.tokens == null && !builder.dryRun) {
            throw new IllegalArgumentException("intake needs a bearer token unless it is a dry run");
        }
        if (builder.batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1");
        }
        if (builder.source == null || builder.source.isBlank()) {
            throw new IllegalArgumentException("the source must not be blank");
        }
        this.intake = builder.intake;
        this.tokens = builder.tokens;
        this.batchSize = builder.batchSize;
        this.source = builder.source;
        this.dryRun = builder.dryRun;
        this.delimiter = builder.delimiter;
        this.charset = builder.charset;
        this.output = builder.output;
        this.progress = builder.progress;
        this.terminal = builder.terminal;
        this.timeout = builder.timeout;
        this.retries = builder.retries;
        this.backoff = builder.backoff;
        this.nanoTime = builder.nanoTime;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ImportSummary importReports(Path file) {
        return importFile(ImportKind.REPORTS, file);
    }

    public ImportSummary importBatchReports(Path file) {
        return importFile(ImportKind.BATCH_REPORTS, file);
    }

    /**
     * Imports one file and prints its summary to the output. Never throws for a bad file or an unreachable intake:
     * the summary's {@link ImportSummary#failure()} says what went wrong and its exit code is 2.
     */
    public ImportSummary importFile(ImportKind kind, Path file) {
        long start = nanoTime.getAsLong();
        RowMapper mapper = kind.mapper(source);
        ImportSummary summary = new ImportSummary(kind, file.toString(), dryRun ? "" : IntakeClient.endpoint(intake, kind.path()).toString(), dryRun);
        Run run = null;
        try {
            long rows = CsvFile.countRows(file, charset, delimiter, mapper.columns(), mapper.requiredColumns());
            summary.read(rows);
            ProgressBar bar = new ProgressBar(progress, terminal, rows, file.getFileName().toString(), nanoTime);
            IntakeClient client = dryRun ? null : new IntakeClient(intake, kind.path(), timeout, retries, backoff, bar::note, tokens);
            run = new Run(summary, mapper, client, bar);
            run.importRows(file);
        } catch (CsvException | IntakeException e) {
            summary.fail(e.getMessage());
        } finally {
            if (run != null) {
                run.bar.finish();
            }
        }
        summary.elapsed(nanoTime.getAsLong() - start);
        output.print(summary.render());
        output.flush();
        return summary;
    }

    /** A report ready to send, with what the summary needs to name it. */
    private record Pending(long row, String sourceId, String json) {
    }

    /** The state of one import. */
    private final class Run {
        private final ImportSummary summary;
        private final RowMapper mapper;
        private final IntakeClient client;
        private final ProgressBar bar;
        private final Set<String> sourceIds = new HashSet<>();
        private final List<Pending> pending = new ArrayList<>();
        private int currentBatchSize = batchSize;

        Run(ImportSummary summary, RowMapper mapper, IntakeClient client, ProgressBar bar) {
            this.summary = summary;
            this.mapper = mapper;
            this.client = client;
            this.bar = bar;
        }

        void importRows(Path file) throws CsvException, IntakeException {
            try (CsvFile csv = CsvFile.open(file, charset, delimiter, mapper.columns(), mapper.requiredColumns())) {
                for (CsvRow row = csv.next(); row != null; row = csv.next()) {
                    MappedRow mapped = mapper.map(row);
                    if (mapped.ok() && !sourceIds.add(mapped.sourceId())) {
                        mapped = MappedRow.rejected(mapped.row(), mapped.sourceId(), List.of(mapper.duplicate()));
                    }
                    if (!mapped.ok()) {
                        summary.countRejected(Origin.IMPORTER, mapped.row(), mapped.sourceId(), mapped.errors());
                        bar.advance(1);
                    } else if (client == null) {
                        summary.countMapped();
                        bar.advance(1);
                    } else {
                        summary.countMapped();
                        pending.add(new Pending(mapped.row(), mapped.sourceId(), json(mapped.document())));
                        if (pending.size() >= currentBatchSize) {
                            flush();
                        }
                    }
                }
            }
            flush();
        }

        private void flush() throws IntakeException {
            if (!pending.isEmpty()) {
                List<Pending> batch = List.copyOf(pending);
                pending.clear();
                send(batch);
            }
        }

        private void send(List<Pending> batch) throws IntakeException {
            List<IntakeClient.ItemResult> results;
            try {
                results = client.send(batch.stream().map(Pending::json).toList());
            } catch (IntakeException e) {
                if (!e.batchTooLarge() || batch.size() == 1) {
                    throw e;
                }
                int half = (batch.size() + 1) / 2;
                if (half < currentBatchSize) {
                    currentBatchSize = half;
                    String note = "intake refused a batch of " + batch.size() + " reports (HTTP 413); sending at most " + half
                            + " per request";
                    bar.note(note);
                    summary.note(note + "; next time pass --batch-size " + half);
                }
                send(batch.subList(0, half));
                send(batch.subList(half, batch.size()));
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                IntakeClient.ItemResult result = results.get(i);
                Pending report = batch.get(i);
                if (result.accepted()) {
                    summary.countAccepted();
                } else {
                    summary.countRejected(Origin.INTAKE, report.row(), report.sourceId(),
                            result.errors() == null ? List.of(new FieldError("", "rejected with status " + result.status())) : result.errors());
                }
            }
            bar.advance(batch.size());
        }
    }

    private static String json(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a report as JSON", e);
        }
    }

    /** Settings; everything but the intake URL (not needed for a dry run) has a default. */
    public static final class Builder {
        private URI intake;
        private AccessTokens tokens;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private String source = DEFAULT_SOURCE;
        private boolean dryRun;
        private char delimiter = ';';
        private Charset charset = StandardCharsets.UTF_8;
        private PrintStream output = System.out;
        private PrintStream progress = System.err;
        private boolean terminal;
        private Duration timeout = Duration.ofMinutes(2);
        private int retries = 3;
        private Duration backoff = Duration.ofSeconds(1);
        private LongSupplier nanoTime = System::nanoTime;

        private Builder() {
        }

        /** Intake's base URL, e.g. {@code http://localhost:8080}. */
        public Builder intake(URI intake) {
            this.intake = intake;
            return this;
        }

        /** The bearer tokens intake is sent (a reporter's role; the platform's {@code bulk-import} client has it). */
        public Builder tokens(AccessTokens tokens) {
            this.tokens = tokens;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** The {@code source} of every report; with the source id it makes the report id. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** Parse and map only; send nothing. */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public Builder delimiter(char delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        public Builder charset(Charset charset) {
            this.charset = Objects.requireNonNull(charset);
            return this;
        }

        /** Where the closing summary goes (stdout by default). */
        public Builder output(PrintStream output) {
            this.output = Objects.requireNonNull(output);
            return this;
        }

        /**
         * Where progress goes (stderr by default); on a terminal it is redrawn in place, otherwise printed every 10 %.
         */
        public Builder progress(PrintStream progress, boolean terminal) {
            this.progress = Objects.requireNonNull(progress);
            this.terminal = terminal;
            return this;
        }

        /** How long one request may take. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** How often a request that failed on the way or with a 5xx is sent again, and the first wait (doubling). */
        public Builder retries(int retries, Duration backoff) {
            this.retries = retries;
            this.backoff = Objects.requireNonNull(backoff);
            return this;
        }

        Builder clock(LongSupplier nanoTime) {
            this.nanoTime = nanoTime;
            return this;
        }

        public BulkImporter build() {
            return new BulkImporter(this);
        }
    }
}
