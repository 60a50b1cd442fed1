package dk.rm.patientsafety.bulkimport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The command line: {@code bulk-import reports|batch-reports --intake URL [options] FILE}. Exit code 0 when every
 * report was accepted, 1 when some were rejected (by the importer or by intake), 2 on a usage error, an unreadable
 * file or a failed request.
 */
@Command(name = "bulk-import", mixinStandardHelpOptions = true, version = "bulk-import 0.1.0",
        description = "Imports CSV exports of incident reports into intake's batch endpoint (POST /api/v1/incidents/batch).",
        subcommands = CommandLine.HelpCommand.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every report was accepted", "1:some reports were rejected", "2:usage, file or HTTP error"})
public final class BulkImport implements Callable<Integer> {

    public static final int OK = 0;
    public static final int SOME_REJECTED = 1;
    public static final int FAILED = 2;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(System.out, System.err, System.console() != null, args));
    }

    /**
     * Runs the command line with the given streams and returns the exit code; progress goes to {@code err}, redrawn
     * in place when {@code terminal}.
     */
    public static int execute(PrintStream out, PrintStream err, boolean terminal, String... args) {
        CommandLine commandLine = new CommandLine(new BulkImport())
                .addSubcommand(new ReportsCommand(out, err, terminal))
                .addSubcommand(new BatchReportsCommand(out, err, terminal))
                .setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true))
                .setExecutionExceptionHandler((e, cmd, parseResult) -> {
                    cmd.getErr().println("bulk-import: " + e);
                    return FAILED;
                });
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine.execute(args);
    }

    /** Runs the command line on stdout and stderr and returns the exit code. */
    public static int execute(String... args) {
        return execute(System.out, System.err, false, args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return FAILED;
    }

    /** What both subcommands take. */
    abstract static class ImportCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--intake", paramLabel = "URL", description = "Intake's base URL, e.g. http://localhost:8080 (not needed with --dry-run).")
        URI intake;

        @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + BulkImporter.DEFAULT_BATCH_SIZE,
                description = "Reports per request (default: ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--source", paramLabel = "NAME", defaultValue = BulkImporter.DEFAULT_SOURCE,
                description = "The reports' source; with the source id it makes the report id (default: ${DEFAULT-VALUE}).")
        String source;

        @Option(names = "--dry-run", description = "Read and map the file, send nothing, print the summary.")
        boolean dryRun;

        @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ";",
                description = "Cell delimiter: ';' (default, Danish Excel), ',' or 'tab'.")
        String delimiter;

        @Option(names = "--charset", paramLabel = "NAME", defaultValue = "UTF-8",
                description = "The file's character set (default: ${DEFAULT-VALUE}; a byte-order mark is skipped), e.g. windows-1252.")
        Charset charset;

        @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
        Path file;

        private final PrintStream out;
        private final PrintStream err;
        private final boolean terminal;

        ImportCommand(PrintStream out, PrintStream err, boolean terminal) {
            this.out = out;
            this.err = err;
            this.terminal = terminal;
        }

        abstract ImportKind kind();

        @Override
        public Integer call() {
            if (intake == null && !dryRun) {
                throw new ParameterException(spec.commandLine(), "Missing required option: '--intake=URL' (or use --dry-run)");
            }
            if (intake != null && (intake.getScheme() == null || !intake.getScheme().matches("https?") || intake.getHost() == null)) {
                throw new ParameterException(spec.commandLine(), "--intake must be an http(s) URL, e.g. http://localhost:8080");
            }
            if (batchSize < 1) {
                throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1");
            }
            if (source.isBlank()) {
                throw new ParameterException(spec.commandLine(), "--source must not be blank");
            }
            BulkImporter importer = BulkImporter.builder()
                    .intake(intake)
                    .batchSize(batchSize)
                    .source(source)
                    .dryRun(dryRun)
                    .delimiter(delimiter(delimiter))
                    .charset(charset)
                    .output(out)
                    .progress(err, terminal)
                    .build();
            return importer.importFile(kind(), file).exitCode();
        }

        private char delimiter(String text) {
            if (text.equalsIgnoreCase("tab") || text.equals("\\t") || text.equals("\t")) {
                return '\t';
            }
            if (text.length() != 1 || text.charAt(0) == '"' || Character.isLetterOrDigit(text.charAt(0))
                    || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
                throw new ParameterException(spec.commandLine(), "--delimiter must be one character such as ';' or ',', or 'tab'");
            }
            return text.charAt(0);
        }
    }

    @Command(name = "reports", mixinStandardHelpOptions = true, exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:every report was accepted", "1:some reports were rejected", "2:usage, file or HTTP error"},
            description = {"Imports historical incident reports: one report per row.",
                    "Columns: source_id, headline, description, event_date, incident_location (required), event_time, "
                            + "involved_locations (sor:role|sor:role), actual_consequence, possible_consequence, main_group, "
                            + "reporter_type, patient_cpr, trade_name, substance, route, strength, atc_code, device_type, "
                            + "device_trade_name, device_model, reporter_name, reporter_email, reporter_phone, reporter_profession."})
    static final class ReportsCommand extends ImportCommand {
        ReportsCommand(PrintStream out, PrintStream err, boolean terminal) {
            super(out, err, terminal);
        }

        @Override
        ImportKind kind() {
            return ImportKind.REPORTS;
        }
    }

    @Command(name = "batch-reports", mixinStandardHelpOptions = true, exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:every report was accepted", "1:some reports were rejected", "2:usage, file or HTTP error"},
            description = {"Imports monthly batch reports (samlerapportering): one report per row.",
                    "Columns: month (YYYY-MM), sor_code, area (FALLS, INFECTIONS, MEDICATION_ADMINISTRATION, "
                            + "MEDICATION_DISPENSING or Danish: fald, infektioner, medicinadministration, medicindispensering), count."})
    static final class BatchReportsCommand extends ImportCommand {
        BatchReportsCommand(PrintStream out, PrintStream err, boolean terminal) {
            super(out, err, terminal);
        }

        @Override
        ImportKind kind() {
            return ImportKind.BATCH_REPORTS;
        }
    }
}
