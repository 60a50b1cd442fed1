package dk.rm.patientsafety.classifier;

import dk.rm.patientsafety.events.ClassificationOverride;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.service.http.Problem;
import dk.rm.patientsafety.service.http.Problem.FieldError;
import dk.rm.patientsafety.security.Caller;
import dk.rm.patientsafety.security.Callers;
import dk.rm.patientsafety.security.Roles;
import dk.rm.patientsafety.security.UnitScope;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Lets a caseworker reclassify an incident of a unit they cover; the override becomes an event that wins over the
 * automatic decision and names the caseworker by their token's subject.
 */
@Controller("/api/v1/incidents/{reportId}/classification")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.RISK_MANAGER, Roles.REGIONAL_TEAM})
public class OverrideController {

    private static final Logger LOG = LoggerFactory.getLogger(OverrideController.class);
    static final String INVALID_OVERRIDE = "https://patientsafety.rm.dk/problems/invalid-override";
    static final String UNKNOWN_REPORT = "https://patientsafety.rm.dk/problems/unknown-report";

    static final String NOT_YET_KNOWN = "https://patientsafety.rm.dk/problems/report-not-yet-known";

    private final OverridePublisher publisher;
    private final ClassifierStream stream;
    private final Callers callers;
    private final UnitScope scope;
    private final Clock clock;

    public OverrideController(OverridePublisher publisher, ClassifierStream stream, Callers callers, UnitScope scope, Clock clock) {
        this.publisher = publisher;
        this.stream = stream;
        this.callers = callers;
        this.scope = scope;
        this.clock = clock;
    }

    /** The answer to an accepted override. */
    @Serdeable
    public record Accepted(String overrideId, String reportId, String status) {
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    public HttpResponse<?> override(@PathVariable String reportId, @Body OverrideRequest request, Authentication authentication) {
        List<FieldError> errors = validate(request);
        if (!errors.isEmpty()) {
            return Problem.invalidFields(INVALID_OVERRIDE, "Invalid override", errors);
        }
        Caller caller = callers.of(authentication);
        ClassifierStream.Lookup lookup = stream.report(reportId);
        // A report outside the caller's units answers as an unknown one: its existence is not theirs to learn.
        if (lookup instanceof ClassifierStream.Unknown
                || lookup instanceof ClassifierStream.Found found && !scope.covers(caller, found.report().getIncidentLocation())) {
            return Problem.respond(new Problem(UNKNOWN_REPORT, "Unknown report", 404,
                    "No report with this id has been classified in the units you cover", List.of()));
        }
        if (lookup instanceof ClassifierStream.Restoring && !caller.has(Roles.REGIONAL_TEAM)) {
            return Problem.respond(new Problem(NOT_YET_KNOWN, "Classifier is starting", 503,
                    "The classifier is still loading its reports and cannot yet tell whose unit this report belongs to; try again shortly",
                    List.of())).header("Retry-After", "5");
        }
        ClassificationOverride override = ClassificationOverride.newBuilder()
                .setOverrideId(UUID.randomUUID().toString())
                .setReportId(reportId)
                .setIncidentType(request.incidentType() == null ? null : IncidentType.valueOf(request.incidentType()))
                .setOverallSeverity(request.overallSeverity() == null ? null : OverallSeverity.valueOf(request.overallSeverity()))
                .setSacScore(request.sacScore())
                .setCaseworker(caller.subject())
                .setReason(request.reason())
                .setDecidedAt(clock.instant())
                .build();
        publisher.publish(override);
        LOG.info("Override {} of report {} by {}", override.getOverrideId(), reportId, override.getCaseworker());
        return HttpResponse.status(HttpStatus.ACCEPTED).body(new Accepted(override.getOverrideId(), reportId, "ACCEPTED"));
    }

    static List<FieldError> validate(OverrideRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.incidentType() == null && request.overallSeverity() == null && request.sacScore() == null) {
            errors.add(new FieldError("", "set at least one of incidentType, overallSeverity, sacScore"));
        }
        oneOf(errors, "incidentType", request.incidentType(), IncidentType.values());
        oneOf(errors, "overallSeverity", request.overallSeverity(), OverallSeverity.values());
        if (request.sacScore() != null && (request.sacScore() < 1 || request.sacScore() > 3)) {
            errors.add(new FieldError("sacScore", "must be 1, 2 or 3"));
        }
        if (request.caseworker() != null) {
            errors.add(new FieldError("caseworker", "must not be sent: the caseworker is whoever the token says signed in"));
        }
        if (request.reason() == null || request.reason().isBlank()) {
            errors.add(new FieldError("reason", "is required: the audit trail must say why"));
        }
        return errors;
    }

    private static void oneOf(List<FieldError> errors, String field, String value, Enum<?>[] allowed) {
        if (value != null && Arrays.stream(allowed).noneMatch(symbol -> symbol.name().equals(value))) {
            errors.add(new FieldError(field, "must be one of " + Arrays.toString(allowed)));
        }
    }
}
