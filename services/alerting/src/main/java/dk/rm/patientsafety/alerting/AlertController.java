package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.security.Caller;
import dk.rm.patientsafety.security.Callers;
import dk.rm.patientsafety.security.ProblemAuthorizationResponses;
import dk.rm.patientsafety.security.Roles;
import dk.rm.patientsafety.security.UnitScope;
import dk.rm.patientsafety.service.http.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.util.Optional;
import java.util.Set;

/**
 * Lists alerts for patient-safety officers, newest first, optionally for one incident location; a risk manager sees
 * only the alerts of the units they cover, and asking for another unit is forbidden.
 */
@Controller("/api/v1/alerts")
@Secured({Roles.RISK_MANAGER, Roles.REGIONAL_TEAM})
public class AlertController {

    private final AlertRepository repository;
    private final Callers callers;
    private final UnitScope scope;

    public AlertController(AlertRepository repository, Callers callers, UnitScope scope) {
        this.repository = repository;
        this.callers = callers;
        this.scope = scope;
    }

    @Get(produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    public HttpResponse<?> list(@QueryValue @Nullable String incidentLocation, Authentication authentication) {
        Caller caller = callers.of(authentication);
        if (incidentLocation != null) {
            if (!scope.covers(caller, incidentLocation)) {
                return ProblemAuthorizationResponses.forbidden("Unit " + incidentLocation + " is not among the units you cover");
            }
            return HttpResponse.ok(repository.findByIncidentLocationOrderByRaisedAtDesc(incidentLocation));
        }
        Optional<Set<String>> covered = scope.coveredUnits(caller);
        return HttpResponse.ok(covered.isEmpty() ? repository.findAllOrderByRaisedAtDesc()
                : covered.get().isEmpty() ? java.util.List.of() : repository.findByIncidentLocationInOrderByRaisedAtDesc(covered.get()));
    }
}
