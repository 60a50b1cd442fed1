package dk.rm.patientsafety.alerting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

import java.util.List;

/** Lists alerts for patient-safety officers, newest first, optionally for one incident location. */
@Controller("/api/v1/alerts")
public class AlertController {

    private final AlertRepository repository;

    public AlertController(AlertRepository repository) {
        this.repository = repository;
    }

    @Get
    public List<StoredAlert> list(@QueryValue @Nullable String incidentLocation) {
        return incidentLocation == null
                ? repository.findAllOrderByRaisedAtDesc()
                : repository.findByIncidentLocationOrderByRaisedAtDesc(incidentLocation);
    }
}
