package dk.rm.patientsafety.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rm.patientsafety.intake.IntakeCounters.Path;
import dk.rm.patientsafety.quality.QualityFormat;
import dk.rm.patientsafety.quality.QualityRecord;
import dk.rm.patientsafety.security.Roles;
import dk.rm.patientsafety.service.http.Problem;
import dk.rm.patientsafety.service.http.Problem.FieldError;
import dk.rm.patientsafety.tabular.CsvException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes in quality data files (indicator results, cancer-pathway times, patient-experience results, activity) as CSV
 * or JSON, answers row by row, and publishes the accepted rows in one transaction before it answers.
 */
@Controller("/api/v1/quality")
@Secured({Roles.QUALITY_DATA, Roles.REGIONAL_TEAM})
public class QualityController {

    static final String UNKNOWN_FORMAT = "https://patientsafety.rm.dk/problems/unknown-quality-format";
    static final String INVALID_FILE = "https://patientsafety.rm.dk/problems/invalid-quality-file";
    public static final String CSV = "text/csv";
    /** Rows per upload; a larger file goes through the bulk importer, which sends it in batches. */
    static final int MAX_ROWS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(QualityController.class);

    private final QualityPublisher publisher;
    private final PrivacyGate privacy;
    private final IntakeCounters counters;

    public QualityController(QualityPublisher publisher, PrivacyGate privacy, IntakeCounters counters) {
        this.publisher = publisher;
        this.privacy = privacy;
        this.counters = counters;
    }

    /** One row's result: {@code row} is its CSV row number (the header is row 1), absent for JSON. */
    @Serdeable
    public record RowResult(int index, @Nullable Long row, String status, @Nullable String key, @Nullable List<FieldError> errors) {
    }

    /** The answer to an upload: every row's result, in the file's order. */
    @Serdeable
    public record UploadResult(String format, int received, int accepted, int rejected, List<RowResult> results) {
    }

    @ExecuteOn(TaskExecutors.BLOCKING)
    @Post(uri = "/{format}", consumes = {CSV, MediaType.APPLICATION_JSON, IncidentController.NDJSON},
            produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    public HttpResponse<?> upload(@PathVariable String format, @Body byte[] body, @Header(HttpHeaders.CONTENT_TYPE) String contentType,
                                  @Nullable @QueryValue String source) {
        Optional<QualityFormat> known = QualityFormat.ofPath(format);
        if (known.isEmpty()) {
            return Problem.respond(new Problem(UNKNOWN_FORMAT, "Unknown quality-data format", 404, "Known formats: "
                    + String.join(", ", java.util.Arrays.stream(QualityFormat.values()).map(QualityFormat::path).toList()), List.of()));
        }
        String defaultSource = source == null || source.isBlank() ? "upload" : source.strip();
        if (!QualityFormat.isIdentifier(defaultSource) || !privacy.internal(defaultSource).equals(defaultSource)) {
            return Problem.invalidFields(INVALID_FILE, "Invalid quality-data upload", List.of(new FieldError("source",
                    "is not a name or code (letters, digits, spaces and . _ / : ( ) + -, at most 100)")));
        }
        List<QualityUpload.Item> items;
        try {
            items = read(known.get(), body, contentType, defaultSource);
        } catch (RequestBodies.UnreadableBody | CsvException e) {
            counters.rejected(Path.QUALITY_DATA);
            return Problem.respond(new Problem(INVALID_FILE, "Unreadable quality-data file", 400, e.getMessage(), List.of()));
        }
        List<RowResult> results = new ArrayList<>();
        List<QualityRecord> accepted = new ArrayList<>();
        Map<String, QualityUpload.Item> byKey = new HashMap<>();
        for (QualityUpload.Item item : items) {
            List<FieldError> errors = item.reading().errors().stream().map(e -> new FieldError(e.column(), e.message())).toList();
            String key = item.reading().ok() ? item.reading().record().key() : null;
            QualityUpload.Item earlier = key == null ? null : byKey.putIfAbsent(key, item);
            if (earlier != null) {
                errors = List.of(new FieldError("row", "repeats the series and period of "
                        + (earlier.row() == null ? "item " + earlier.index() : "row " + earlier.row())));
            }
            if (errors.isEmpty()) {
                accepted.add(item.reading().record());
                results.add(new RowResult(item.index(), item.row(), "ACCEPTED", key, null));
            } else {
                results.add(new RowResult(item.index(), item.row(), "REJECTED", null, errors));
            }
        }
        publisher.publish(accepted);
        results.forEach(result -> {
            if (result.errors() == null) {
                counters.accepted(Path.QUALITY_DATA);
            } else {
                counters.rejected(Path.QUALITY_DATA);
            }
        });
        LOG.info("Quality data {}: {} rows, {} accepted, {} rejected", known.get().path(), results.size(), accepted.size(),
                results.size() - accepted.size());
        return HttpResponse.ok(new UploadResult(known.get().path(), results.size(), accepted.size(), results.size() - accepted.size(), results));
    }

    private List<QualityUpload.Item> read(QualityFormat format, byte[] body, String contentType, String source)
            throws RequestBodies.UnreadableBody, CsvException {
        if (contentType.startsWith(CSV)) {
            return QualityUpload.csv(format, RequestBodies.utf8(body), source, privacy::internal, MAX_ROWS);
        }
        List<JsonNode> rows = contentType.startsWith(IncidentController.NDJSON) ? RequestBodies.ndjson(body) : RequestBodies.array(body,
                "Quality data must be a JSON array of rows, NDJSON, or CSV (Content-Type text/csv)");
        if (rows.size() > MAX_ROWS) {
            throw QualityUpload.tooManyRows(MAX_ROWS);
        }
        return QualityUpload.json(format, rows, source, privacy::internal);
    }
}
