package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.AlertKind;
import dk.rm.patientsafety.events.AlertStatus;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.security.Caller;
import dk.rm.patientsafety.security.Callers;
import dk.rm.patientsafety.security.ProblemAuthorizationResponses;
import dk.rm.patientsafety.security.Roles;
import dk.rm.patientsafety.security.UnitScope;
import dk.rm.patientsafety.service.http.Problem;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lists alerts for patient-safety officers, newest first, filtered by the unit whose lists they are on (a department,
 * or a hospital for all of its departments), the incident location, status, kind and severity. A risk manager sees
 * only the alerts of the units they cover, and asking for another unit is forbidden; a parameter the API does not
 * know is an error, not a filter silently ignored.
 */
@Controller("/api/v1/alerts")
@Secured({Roles.RISK_MANAGER, Roles.REGIONAL_TEAM})
public class AlertController {

    static final String INVALID_QUERY = "https://patientsafety.rm.dk/problems/invalid-alert-query";
    private static final Set<String> PARAMETERS = Set.of("unit", "incidentLocation", "status", "kind", "severity", "limit", "after");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    private final AlertRepository repository;
    private final Callers callers;
    private final UnitScope scope;
    private final OrganisationRegister register;

    public AlertController(AlertRepository repository, Callers callers, UnitScope scope, OrganisationRegister register) {
        this.repository = repository;
        this.callers = callers;
        this.scope = scope;
        this.register = register;
    }

    @Get(produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    public HttpResponse<?> list(HttpRequest<?> request, @QueryValue @Nullable String unit, @QueryValue @Nullable String incidentLocation,
                                @QueryValue @Nullable String status, @QueryValue @Nullable String kind,
                                @QueryValue @Nullable String severity, @QueryValue @Nullable String limit,
                                @QueryValue @Nullable String after, Authentication authentication) {
        List<Problem.FieldError> errors = new ArrayList<>();
        request.getParameters().names().stream().filter(name -> !PARAMETERS.contains(name)).sorted()
                .forEach(name -> errors.add(new Problem.FieldError(name, "is not a filter of this list; filters: " + String.join(", ",
                        PARAMETERS.stream().sorted().toList()))));
        sorCode("unit", unit, errors);
        sorCode("incidentLocation", incidentLocation, errors);
        oneOf("status", status, AlertStatus.values(), errors);
        oneOf("kind", kind, AlertKind.values(), errors);
        oneOf("severity", severity, OverallSeverity.values(), errors);
        int pageSize = DEFAULT_LIMIT;
        if (limit != null) {
            if (limit.matches("\\d{1,3}") && Integer.parseInt(limit) >= 1 && Integer.parseInt(limit) <= MAX_LIMIT) {
                pageSize = Integer.parseInt(limit);
            } else {
                errors.add(new Problem.FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            }
        }
        Optional<AlertCursor> cursor = after == null ? Optional.empty() : AlertCursor.parse(after);
        if (after != null && cursor.isEmpty()) {
            errors.add(new Problem.FieldError("after", "is not a cursor this list gave out"));
        }
        if (!errors.isEmpty()) {
            return Problem.invalidFields(INVALID_QUERY, "Invalid alert query", errors);
        }
        Caller caller = callers.of(authentication);
        for (String asked : Arrays.asList(unit, incidentLocation)) {
            if (asked != null && !scope.covers(caller, asked)) {
                return ProblemAuthorizationResponses.forbidden("Unit " + asked + " is not among the units you cover");
            }
        }
        // Locations, not the alerts' stored lineage: an alert written before lineage was kept is on its hospital's list too.
        Optional<Set<String>> locations = scope.coveredUnits(caller);
        if (unit != null) {
            locations = Optional.of(intersection(locations, register.within(unit)));
        }
        if (incidentLocation != null) {
            locations = Optional.of(intersection(locations, Set.of(incidentLocation)));
        }
        if (locations.isPresent() && locations.get().isEmpty()) {
            return HttpResponse.ok(List.of());
        }
        List<StoredAlert> page = repository.search(status, kind, severity, locations.isEmpty(), List.copyOf(locations.orElse(Set.of(""))),
                cursor.map(AlertCursor::raisedAt).orElse(null), cursor.map(AlertCursor::alertId).orElse(null), pageSize);
        MutableHttpResponse<List<AlertView>> response = HttpResponse.ok(page.stream().map(StoredAlert::view).toList());
        if (page.size() == pageSize) {
            // RFC 8288: the next page is the same query from after this page's last alert.
            StoredAlert last = page.get(page.size() - 1);
            String next = UriBuilder.of(request.getUri()).replaceQueryParam("after", AlertCursor.of(last.raisedAt(), last.alertId())).build().toString();
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response;
    }

    /** Empty stands for every unit. */
    private static Set<String> intersection(Optional<Set<String>> units, Set<String> other) {
        return units.map(u -> other.stream().filter(u::contains).collect(Collectors.toUnmodifiableSet())).orElse(other);
    }

    private static void sorCode(String field, String value, List<Problem.FieldError> errors) {
        if (value != null && !value.matches("\\d{1,20}")) {
            errors.add(new Problem.FieldError(field, "must be an SOR code (digits)"));
        }
    }

    private static void oneOf(String field, String value, Enum<?>[] allowed, List<Problem.FieldError> errors) {
        if (value != null && Arrays.stream(allowed).noneMatch(e -> e.name().equals(value))) {
            errors.add(new Problem.FieldError(field, "must be one of " + String.join(", ", Arrays.stream(allowed).map(Enum::name).toList())));
        }
    }
}
