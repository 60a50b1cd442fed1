package dk.rm.patientsafety.intake;

import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.service.http.Problem;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/** Accepts one incident report over HTTP and answers with its report id once it is safely on Kafka. */
@Controller("/api/v1/incidents")
public class IncidentController {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentController.class);
    static final String INVALID_REPORT = "https://patientsafety.rm.dk/problems/invalid-report";

    private final IncidentPublisher publisher;
    private final ReportValidator validator;
    private final Clock clock = Clock.systemUTC();

    public IncidentController(IncidentPublisher publisher) {
        this.publisher = publisher;
        this.validator = new ReportValidator(clock);
    }

    /** The answer to an accepted report. */
    @Serdeable
    public record Accepted(String reportId, String status) {
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> report(@Body IncidentReportRequest request) throws Exception {
        List<Problem.FieldError> errors = validator.validate(request);
        if (!errors.isEmpty()) {
            LOG.info("Rejected a report with {} invalid field(s)", errors.size());
            return Problem.invalidFields(INVALID_REPORT, "Invalid incident report", errors);
        }
        IncidentReported report = ReportMapper.toEvent(request, clock.instant());
        publisher.publish(report);
        // Only ids and codes are logged: free text and patient data stay out of logs.
        LOG.info("Accepted report {} from {} for {}", report.getReportId(), report.getSource(), report.getIncidentLocation());
        return HttpResponse.status(HttpStatus.ACCEPTED).body(new Accepted(report.getReportId(), "ACCEPTED"));
    }
}
