package dk.rm.patientsafety.intake;

import dk.rm.patientsafety.security.Roles;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;

/** Reports what intake received, accepted and rejected per path since it started, and how many resubmissions it dropped. */
@Controller("/api/v1/intake/counts")
@Secured({Roles.REGIONAL_TEAM, Roles.DOWNSTREAM})
public class IntakeCountsController {

    private final IntakeCounters counters;

    public IntakeCountsController(IntakeCounters counters) {
        this.counters = counters;
    }

    @Get
    public IntakeCounters.Snapshot counts() {
        return counters.snapshot();
    }
}
