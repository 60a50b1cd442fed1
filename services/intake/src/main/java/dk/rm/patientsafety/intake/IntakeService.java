package dk.rm.patientsafety.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rm.patientsafety.intake.IntakeCounters.Path;
import dk.rm.patientsafety.service.http.Problem.FieldError;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Takes parsed JSON reports from the HTTP paths through the pipeline and publishes the accepted ones together. */
@Singleton
public class IntakeService {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);

    /** One report's result, in request order. */
    public record Result(int index, String reportId, List<FieldError> errors) {
        public boolean accepted() {
            return errors.isEmpty();
        }
    }

    private final JsonSubmissionReader reader = new JsonSubmissionReader();
    private final IntakePipeline pipeline;
    private final IncidentPublisher publisher;
    private final IntakeCounters counters;
    private final Clock clock;

    public IntakeService(IntakePipeline pipeline, IncidentPublisher publisher, IntakeCounters counters, Clock clock) {
        this.pipeline = pipeline;
        this.publisher = publisher;
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * Checks every report, publishes the valid ones in one transaction, and only then counts them.
     *
     * @param submittedBy the token subject of whoever sent them (recorded as its pseudonym)
     */
    public List<Result> submit(List<JsonNode> reports, Path path, String submittedBy) {
        List<Result> results = new ArrayList<>();
        List<IntakePipeline.Accepted> accepted = check(reports, path, submittedBy, results);
        publisher.publish(accepted);
        count(path, results, accepted.size());
        return results;
    }

    /**
     * The same, answered when Kafka has committed the accepted reports, without holding a thread while it waits: the
     * way a single report takes, so thousands can wait on their commits at once.
     */
    public CompletableFuture<List<Result>> submitAsync(List<JsonNode> reports, Path path, String submittedBy) {
        List<Result> results = new ArrayList<>();
        List<IntakePipeline.Accepted> accepted = check(reports, path, submittedBy, results);
        return publisher.publishAsync(accepted).thenApply(committed -> {
            count(path, results, accepted.size());
            return results;
        });
    }

    private List<IntakePipeline.Accepted> check(List<JsonNode> reports, Path path, String submittedBy, List<Result> results) {
        Instant receivedAt = clock.instant();
        List<IntakePipeline.Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            JsonSubmissionReader.Read read = reader.read(reports.get(i));
            if (path == Path.BULK_IMPORT && read.submission() != null && read.submission().getHistorical() == null) {
                read.submission().setHistorical(true); // the importer brings history unless a report says otherwise
            }
            IntakePipeline.Outcome outcome = read.errors().isEmpty()
                    ? pipeline.process(read.submission(), receivedAt, submittedBy)
                    : new IntakePipeline.Rejected(read.errors());
            if (outcome instanceof IntakePipeline.Accepted ok) {
                accepted.add(ok);
                results.add(new Result(i, ok.report().getReportId(), List.of()));
            } else {
                results.add(new Result(i, null, ((IntakePipeline.Rejected) outcome).errors()));
            }
        }
        return accepted;
    }

    private void count(Path path, List<Result> results, int accepted) {
        results.forEach(result -> {
            if (result.accepted()) {
                counters.accepted(path);
            } else {
                counters.rejected(path);
            }
        });
        // Counts and ids only: report texts and personal data never reach the log.
        LOG.info("{}: {} report(s) received, {} accepted", path, results.size(), accepted);
    }
}
