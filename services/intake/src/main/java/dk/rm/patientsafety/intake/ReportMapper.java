package dk.rm.patientsafety.intake;

import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.InvolvedLocation;
import dk.rm.patientsafety.events.LocationRole;
import dk.rm.patientsafety.events.MedicalDevice;
import dk.rm.patientsafety.events.Medicine;
import dk.rm.patientsafety.events.ReporterType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Turns a validated request into the event intake publishes. */
public final class ReportMapper {

    static final String DEFAULT_SOURCE = "http";

    private ReportMapper() {
    }

    /** The same source and source id always give the same report id, so a resubmission cannot become a second report. */
    public static String reportId(String source, String sourceId) {
        return UUID.nameUUIDFromBytes((source + "\u0000" + sourceId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static IncidentReported toEvent(IncidentReportRequest request, Instant receivedAt) {
        String source = request.source() == null || request.source().isBlank() ? DEFAULT_SOURCE : request.source();
        // Without a source id the report cannot be recognised when resent; it gets a fresh one.
        String sourceId = request.sourceId() == null || request.sourceId().isBlank() ? UUID.randomUUID().toString() : request.sourceId();
        return IncidentReported.newBuilder()
                .setReportId(reportId(source, sourceId))
                .setSource(source)
                .setSourceId(sourceId)
                .setReceivedAt(receivedAt)
                .setHeadline(request.headline())
                .setDescription(request.description())
                .setEventDate(LocalDate.parse(request.eventDate()))
                .setEventTime(request.eventTime() == null ? null : LocalTime.parse(request.eventTime()))
                .setIncidentLocation(request.incidentLocation())
                .setInvolvedLocations(map(request.involvedLocations(), l -> new InvolvedLocation(l.sorCode(), symbol(LocationRole.class, l.role(), LocationRole.UNKNOWN))))
                .setActualConsequence(symbol(Consequence.class, request.actualConsequence(), Consequence.UNKNOWN))
                .setPossibleConsequence(symbol(Consequence.class, request.possibleConsequence(), Consequence.UNKNOWN))
                .setMainGroup(request.mainGroup())
                .setMedicines(map(request.medicines(), m -> new Medicine(m.tradeName(), m.substance(), m.route(), m.strength(), m.atcCode())))
                .setDevices(map(request.devices(), d -> new MedicalDevice(d.type(), d.tradeName(), d.model())))
                .setReporterType(symbol(ReporterType.class, request.reporterType(), ReporterType.UNKNOWN))
                .setPatientReference(null)
                .build();
    }

    private static <A, B> List<B> map(List<A> items, Function<A, B> mapping) {
        return items == null ? List.of() : items.stream().map(mapping).toList();
    }

    private static <E extends Enum<E>> E symbol(Class<E> type, String value, E unknown) {
        return value == null ? unknown : Enum.valueOf(type, value);
    }
}
