package dk.rm.patientsafety.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rm.patientsafety.intake.IntakeCounters.Path;
import dk.rm.patientsafety.service.http.Problem;
import dk.rm.patientsafety.service.http.Problem.FieldError;
import dk.rm.patientsafety.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Accepts incident reports over HTTP, one or a batch, and answers once the accepted ones are safely on Kafka. Each
 * accepted report carries who sent it: a pseudonym of the token's subject, so reporters stay protected.
 */
@Controller("/api/v1/incidents")
@Secured({Roles.REPORTER, Roles.REGIONAL_TEAM})
public class IncidentController {

    static final String INVALID_REPORT = "https://patientsafety.rm.dk/problems/invalid-report";
    static final String UNREADABLE_BODY = "https://patientsafety.rm.dk/problems/unreadable-body";
    static final String BATCH_TOO_LARGE = "https://patientsafety.rm.dk/problems/batch-too-large";
    public static final String NDJSON = "application/x-ndjson";
    /** Set by the bulk importer so its reports are counted as their own path. */
    public static final String PATH_HEADER = "X-Intake-Path";

    private final IntakeService intake;
    private final IntakeLimits limits;
    private final IntakeCounters counters;

    public IncidentController(IntakeService intake, IntakeLimits limits, IntakeCounters counters) {
        this.intake = intake;
        this.limits = limits;
        this.counters = counters;
    }

    /** The answer to an accepted report. */
    @Serdeable
    public record Accepted(String reportId, String status) {
    }

    /** One report's result within a batch. */
    @Serdeable
    public record ItemResult(int index, String status, @Nullable String reportId, @Nullable List<FieldError> errors) {
    }

    /** The answer to a batch: every report's result, in request order. */
    @Serdeable
    public record BatchResult(int received, int accepted, int rejected, List<ItemResult> results) {
    }

    /**
     * Checked on the event loop and answered when the report's transaction commits, so no thread waits for Kafka: a
     * waiting thread per report would cost more than the report's own checks.
     */
    @Post(consumes = MediaType.APPLICATION_JSON, produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    public CompletableFuture<HttpResponse<?>> report(@Body byte[] body, Authentication caller) {
        JsonNode json;
        try {
            json = RequestBodies.single(body);
        } catch (RequestBodies.UnreadableBody e) {
            counters.rejected(Path.HTTP);
            return CompletableFuture.completedFuture(unreadable(e.getMessage()));
        }
        return intake.submitAsync(List.of(json), Path.HTTP, caller.getName()).thenApply(results -> {
            IntakeService.Result result = results.get(0);
            if (!result.accepted()) {
                return Problem.invalidFields(INVALID_REPORT, "Invalid incident report", result.errors());
            }
            return HttpResponse.status(HttpStatus.ACCEPTED).body(new Accepted(result.reportId(), "ACCEPTED"));
        });
    }

    @ExecuteOn(TaskExecutors.BLOCKING)
    @Post(uri = "/batch", consumes = {MediaType.APPLICATION_JSON, NDJSON}, produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    public HttpResponse<?> batch(@Body byte[] body, @Header(HttpHeaders.CONTENT_TYPE) String contentType,
                                 @Nullable @Header(PATH_HEADER) String pathHeader, Authentication caller) {
        Path path = "bulk-import".equalsIgnoreCase(pathHeader) ? Path.BULK_IMPORT : Path.HTTP_BATCH;
        List<JsonNode> reports;
        try {
            reports = contentType.startsWith(NDJSON) ? RequestBodies.ndjson(body) : RequestBodies.array(body);
        } catch (RequestBodies.UnreadableBody e) {
            counters.rejected(path); // the request counts as one rejected submission: its reports cannot be told apart
            return unreadable(e.getMessage());
        }
        if (reports.size() > limits.getMaxBatchSize()) {
            reports.forEach(report -> counters.rejected(path));
            return Problem.respond(new Problem(BATCH_TOO_LARGE, "Batch too large", 413,
                    reports.size() + " reports; at most " + limits.getMaxBatchSize() + " per request", List.of()));
        }
        List<ItemResult> results = intake.submit(reports, path, caller.getName()).stream()
                .map(r -> r.accepted() ? new ItemResult(r.index(), "ACCEPTED", r.reportId(), null)
                        : new ItemResult(r.index(), "REJECTED", null, r.errors()))
                .toList();
        int accepted = (int) results.stream().filter(r -> r.reportId() != null).count();
        return HttpResponse.ok(new BatchResult(results.size(), accepted, results.size() - accepted, results));
    }

    private static HttpResponse<Problem> unreadable(String detail) {
        return Problem.respond(new Problem(UNREADABLE_BODY, "Unreadable request body", 400, detail, List.of()));
    }
}
