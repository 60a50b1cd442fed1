package dk.rm.patientsafety.intake;

import dk.rm.patientsafety.events.BatchArea;
import dk.rm.patientsafety.events.BatchReport;
import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.IncidentSubmission;
import dk.rm.patientsafety.events.InvolvedLocation;
import dk.rm.patientsafety.events.LocationRole;
import dk.rm.patientsafety.events.MedicalDevice;
import dk.rm.patientsafety.events.Medicine;
import dk.rm.patientsafety.events.ReporterIdentity;
import dk.rm.patientsafety.events.ReporterRecord;
import dk.rm.patientsafety.events.ReporterType;
import dk.rm.patientsafety.events.SubmittedBatch;
import dk.rm.patientsafety.service.http.Problem.FieldError;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Every path into intake ends here: a submission is validated, then leaves as a pseudonymised report, or is rejected with reasons. */
public final class IntakePipeline {

    /** What became of one submission. */
    public sealed interface Outcome permits Accepted, Rejected {
    }

    /** The report for the shared topics, and the reporter's identity for the restricted one. */
    public record Accepted(IncidentReported report, Optional<ReporterRecord> reporter) implements Outcome {
    }

    /** Why the submission was not accepted; never carries submitted values. */
    public record Rejected(List<FieldError> errors) implements Outcome {
    }

    private final SubmissionValidator validator;
    private final PrivacyGate privacy;

    public IntakePipeline(SubmissionValidator validator, PrivacyGate privacy) {
        this.validator = validator;
        this.privacy = privacy;
    }

    /** The same source and source id always give the same report id, so a resubmission cannot become a second report. */
    public static String reportId(String source, String sourceId) {
        return UUID.nameUUIDFromBytes((source + "\u0000" + sourceId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A submission from the Kafka path, where no one signs in. */
    public Outcome process(IncidentSubmission submission, Instant receivedAt) {
        return process(submission, receivedAt, null);
    }

    /** @param submittedBy the signed-in submitter's token subject; it leaves only as its pseudonym */
    public Outcome process(IncidentSubmission submission, Instant receivedAt, String submittedBy) {
        List<FieldError> errors = validator.validate(submission);
        if (!errors.isEmpty()) {
            return new Rejected(errors);
        }
        IncidentReported report = toReport(submission, receivedAt);
        report.setSubmittedBy(privacy.submitter(submittedBy));
        Optional<ReporterRecord> reporter = Optional.ofNullable(submission.getReporter())
                .map(identity -> new ReporterRecord(report.getReportId(), report.getIncidentLocation(), new ReporterIdentity(
                        privacy.internal(identity.getName()), privacy.internal(identity.getEmail()), privacy.internal(identity.getPhone()),
                        privacy.internal(identity.getProfession())), receivedAt));
        return new Accepted(report, reporter);
    }

    private IncidentReported toReport(IncidentSubmission s, Instant receivedAt) {
        // Every string field leaves without CPR numbers; the report id is made from the identifiers as they leave.
        String source = privacy.identifier(s.getSource());
        String sourceId = privacy.identifier(s.getSourceId());
        return IncidentReported.newBuilder()
                .setReportId(reportId(source, sourceId))
                .setSource(source)
                .setSourceId(sourceId)
                .setReceivedAt(receivedAt)
                .setHeadline(privacy.internal(s.getHeadline()))
                .setDescription(privacy.internal(s.getDescription()))
                .setExternalHeadline(privacy.external(s.getHeadline()))
                .setExternalDescription(privacy.external(s.getDescription()))
                .setEventDate(LocalDate.parse(s.getEventDate()))
                .setEventTime(s.getEventTime() == null ? null : LocalTime.parse(s.getEventTime()))
                .setIncidentLocation(s.getIncidentLocation())
                .setInvolvedLocations(map(s.getInvolvedLocations(),
                        l -> new InvolvedLocation(l.getSorCode(), symbol(LocationRole.class, l.getRole(), LocationRole.UNKNOWN))))
                .setActualConsequence(symbol(Consequence.class, s.getActualConsequence(), Consequence.UNKNOWN))
                .setPossibleConsequence(symbol(Consequence.class, s.getPossibleConsequence(), Consequence.UNKNOWN))
                .setMainGroup(privacy.internal(s.getMainGroup()))
                .setMedicines(map(s.getMedicines(), m -> new Medicine(privacy.internal(m.getTradeName()), privacy.internal(m.getSubstance()),
                        privacy.internal(m.getRoute()), privacy.internal(m.getStrength()), m.getAtcCode())))
                .setDevices(map(s.getDevices(), d -> new MedicalDevice(privacy.internal(d.getType()), privacy.internal(d.getTradeName()),
                        privacy.internal(d.getModel()))))
                .setReporterType(symbol(ReporterType.class, s.getReporterType(), ReporterType.UNKNOWN))
                .setPatientReference(privacy.pseudonym(s.getPatientCpr()))
                .setBatch(batch(s.getBatch()))
                .setHistorical(Boolean.TRUE.equals(s.getHistorical()))
                .build();
    }

    private static BatchReport batch(SubmittedBatch batch) {
        return batch == null ? null : new BatchReport(BatchArea.valueOf(batch.getArea()), batch.getCount(),
                LocalDate.parse(batch.getPeriodStart()), LocalDate.parse(batch.getPeriodEnd()));
    }

    private static <A, B> List<B> map(List<A> items, Function<A, B> mapping) {
        return items.stream().map(mapping).toList();
    }

    private static <E extends Enum<E>> E symbol(Class<E> type, String value, E unknown) {
        return value == null ? unknown : Enum.valueOf(type, value);
    }
}
