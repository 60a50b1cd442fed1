package dk.rm.patientsafety.intake;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** Reports what intake received, accepted and rejected per path since it started, and how many resubmissions it dropped. */
@Controller("/api/v1/intake/counts")
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
