package dk.rm.patientsafety.alerting;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.rm.patientsafety.events.FollowUpAction;
import dk.rm.patientsafety.privacy.CprRedactor;
import dk.rm.patientsafety.security.Caller;
import dk.rm.patientsafety.security.Callers;
import dk.rm.patientsafety.security.Roles;
import dk.rm.patientsafety.security.UnitScope;
import dk.rm.patientsafety.service.http.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One alert with its follow-up history, and the steps officers take: acknowledge, action underway, resolve (with a
 * note), reopen. A step not allowed where the alert stands is 409; an alert unknown or outside the caller's units 404.
 */
@Controller("/api/v1/alerts")
@Secured({Roles.RISK_MANAGER, Roles.REGIONAL_TEAM})
public class AlertFollowUpController {

    static final String NOT_FOUND = "https://patientsafety.rm.dk/problems/unknown-alert";
    static final String CONFLICT = "https://patientsafety.rm.dk/problems/invalid-follow-up-step";
    static final String INVALID = "https://patientsafety.rm.dk/problems/invalid-follow-up";
    private static final int MAX_NOTE = 4000;
    private static final CprRedactor CPR = new CprRedactor();

    /** The alert and every step of its follow-up, oldest first. */
    @Serdeable
    public record AlertDetail(AlertView alert, @JsonInclude(JsonInclude.Include.ALWAYS) List<HistoryStep> history) {
    }

    private final AlertRepository repository;
    private final AlertLifecycle lifecycle;
    private final Callers callers;
    private final UnitScope scope;

    public AlertFollowUpController(AlertRepository repository, AlertLifecycle lifecycle, Callers callers, UnitScope scope) {
        this.repository = repository;
        this.lifecycle = lifecycle;
        this.callers = callers;
        this.scope = scope;
    }

    @Get(value = "/{alertId}", produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    public HttpResponse<?> one(@PathVariable String alertId, Authentication authentication) {
        Optional<StoredAlert> alert = repository.find(alertId);
        if (alert.isEmpty() || !scope.covers(callers.of(authentication), alert.get().incidentLocation())) {
            return notFound(alertId);
        }
        return HttpResponse.ok(new AlertDetail(alert.get().view(), repository.history(alertId).stream().map(AlertEventRow::view).toList()));
    }

    @Post(value = "/{alertId}/{step}", consumes = MediaType.APPLICATION_JSON, produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    public HttpResponse<?> step(@PathVariable String alertId, @PathVariable String step, @Body @Nullable Map<String, Object> body,
                                Authentication authentication) {
        Optional<FollowUpAction> action = FollowUp.ofPath(step);
        if (action.isEmpty()) {
            return Problem.respond(new Problem(NOT_FOUND, "Unknown follow-up step", 404,
                    "Steps: acknowledge, action-underway, resolve, reopen", List.of()));
        }
        Map<String, Object> fields = body == null ? Map.of() : body;
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        fields.keySet().stream().filter(name -> !name.equals("note")).sorted()
                .forEach(name -> errors.add(new Problem.FieldError(name, "is not a field of a follow-up step; the token says who takes it")));
        Object note = fields.get("note");
        if (note != null && !(note instanceof String)) {
            errors.add(new Problem.FieldError("note", "must be text"));
        } else if (note != null && ((String) note).length() > MAX_NOTE) {
            errors.add(new Problem.FieldError("note", "is longer than " + MAX_NOTE + " characters"));
        } else if (note != null && ((String) note).chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
            errors.add(new Problem.FieldError("note", "holds a control character"));
        }
        if (action.get() == FollowUpAction.RESOLVED && (note == null || note.toString().isBlank())) {
            errors.add(new Problem.FieldError("note", "is required to resolve an alert: what was done"));
        }
        if (!errors.isEmpty()) {
            return Problem.invalidFields(INVALID, "Invalid follow-up step", errors);
        }
        Caller caller = callers.of(authentication);
        // A note is free text an officer writes: a CPR number in it is redacted before it is stored or published.
        String stored = note == null || note.toString().isBlank() ? null : CPR.redact(note.toString().strip()).text();
        AlertLifecycle.Outcome outcome = lifecycle.step(alertId, action.get(), caller, stored);
        if (outcome instanceof AlertLifecycle.Done done) {
            return HttpResponse.ok(done.alert());
        }
        if (outcome instanceof AlertLifecycle.Conflict conflict) {
            return Problem.respond(new Problem(CONFLICT, "Follow-up step not allowed", 409, conflict.detail(), List.of()));
        }
        return notFound(alertId);
    }

    private static HttpResponse<?> notFound(String alertId) {
        return Problem.respond(new Problem(NOT_FOUND, "Unknown alert", 404, "No alert " + alertId + " among the units you cover", List.of()));
    }
}
