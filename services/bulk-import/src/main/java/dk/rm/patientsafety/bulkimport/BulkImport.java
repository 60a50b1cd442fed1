package dk.rm.patientsafety.bulkimport;

import dk.rm.patientsafety.oauth.AccessTokens;
import dk.rm.patientsafety.oauth.ClientCredentials;
import dk.rm.patientsafety.quality.QualityFormat;
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
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The command line: {@code bulk-import reports|batch-reports --intake URL [options] FILE}. Exit code 0 when every
 * report was accepted, 1 when some were rejected (by the importer or by intake), 2 on a usage error, an unreadable
 * file or a failed request.
 */
@Command(name = "bulk-import", mixinStandardHelpOptions = true, version = "bulk-import 0.1.0",
        description = {"Imports CSV exports of incident reports into intake's batch endpoint (POST /api/v1/incidents/batch),",
                "and quality data (indicator results, cancer-pathway times, patient experience, activity) into POST /api/v1/quality/<format>."},
        subcommands = CommandLine.HelpCommand.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every report was accepted", "1:some reports were rejected", "2:usage, file or HTTP error"})
public final class BulkImport implements Callable<Integer> {

    public static final int OK = 0;
    public static final int SOME_REJECTED = 1;
    public static final int FAILED = 2;
    static final String CLIENT_SECRET_ENV = "INTAKE_CLIENT_SECRET";
    static final String TOKEN_ENV = "INTAKE_TOKEN";

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(System.out, System.err, System.console() != null, System.getenv(), args));
    }

    /**
     * Runs the command line with the given streams and returns the exit code; progress goes to {@code err}, redrawn
     * in place when {@code terminal}.
     */
    public static int execute(PrintStream out, PrintStream err, boolean terminal, Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new BulkImport())
                .addSubcommand(new ReportsCommand(out, err, terminal, environment))
                .addSubcommand(new BatchReportsCommand(out, err, terminal, environment));
        for (QualityFormat format : QualityFormat.values()) {
            CommandLine quality = new CommandLine(new QualityCommand(ImportKind.valueOf(format.name()), out, err, terminal, environment));
            quality.getCommandSpec().usageMessage().description(QualityCommand.description(format));
            commandLine.addSubcommand(format.path(), quality);
        }
        commandLine
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
        return execute(System.out, System.err, false, System.getenv(), args);
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

        @Option(names = "--token-url", paramLabel = "URL", description = "The identity provider's token endpoint: the "
                + "importer signs in as --client-id with the client secret in $" + CLIENT_SECRET_ENV + " (or set $" + TOKEN_ENV
                + " to an access token instead). Secrets never go on the command line, where `ps` shows them.")
        URI tokenUrl;

        @Option(names = "--client-id", paramLabel = "ID", defaultValue = "bulk-import",
                description = "The importer's client id at the identity provider (default: ${DEFAULT-VALUE}).")
        String clientId;

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
        private final Map<String, String> environment;

        ImportCommand(PrintStream out, PrintStream err, boolean terminal, Map<String, String> environment) {
            this.environment = environment;
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
                    .tokens(dryRun ? null : tokens())
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

        private AccessTokens tokens() {
            String secret = environment.get(CLIENT_SECRET_ENV);
            String token = environment.get(TOKEN_ENV);
            if (tokenUrl != null && secret != null && !secret.isBlank()) {
                return new ClientCredentials(tokenUrl, clientId, secret);
            }
            if (tokenUrl == null && token != null && !token.isBlank()) {
                return AccessTokens.fixed(token);
            }
            throw new ParameterException(spec.commandLine(), tokenUrl != null
                    ? "--token-url needs the client secret in $" + CLIENT_SECRET_ENV
                    : "Intake needs a token: give --token-url (and $" + CLIENT_SECRET_ENV + "), or set $" + TOKEN_ENV);
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
        ReportsCommand(PrintStream out, PrintStream err, boolean terminal, Map<String, String> environment) {
            super(out, err, terminal, environment);
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
        BatchReportsCommand(PrintStream out, PrintStream err, boolean terminal, Map<String, String> environment) {
            super(out, err, terminal, environment);
        }

        @Override
        ImportKind kind() {
            return ImportKind.BATCH_REPORTS;
        }
    }

    @Command(mixinStandardHelpOptions = true, exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:every row was accepted", "1:some rows were rejected", "2:usage, file or HTTP error"})
    static final class QualityCommand extends ImportCommand {
        private final ImportKind kind;

        QualityCommand(ImportKind kind, PrintStream out, PrintStream err, boolean terminal, Map<String, String> environment) {
            super(out, err, terminal, environment);
            this.kind = kind;
        }

        static String[] description(QualityFormat format) {
            return new String[]{"Imports " + format.path() + " into intake (POST /api/v1/quality/" + format.path() + "): one record per row.",
                    "Columns: " + String.join(", ", format.columns().stream()
                            .map(c -> c.name() + (c.required() ? " (required)" : "")).toList()) + "."};
        }

        @Override
        ImportKind kind() {
            return kind;
        }
    }
}
