package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.testkit.Reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Classified incidents for the statistics tests: a type, a severity, a day it happened and a moment it was received. */
final class Incidents {

    static final String UNIT = Reports.AUH_EMERGENCY;

    private Incidents() {
    }

    static IncidentClassified classified(String reportId, IncidentType type, OverallSeverity severity, LocalDate eventDate, Instant receivedAt) {
        return classified(reportId, type, severity, eventDate, receivedAt, false);
    }

    /** @param historical submitted as history (a backfill) */
    static IncidentClassified classified(String reportId, IncidentType type, OverallSeverity severity, LocalDate eventDate, Instant receivedAt,
                                         boolean historical) {
        IncidentReported report = Reports.report(Consequence.MINOR, Consequence.MINOR)
                .setReportId(reportId).setEventDate(eventDate).setReceivedAt(receivedAt).setHistorical(historical).build();
        return IncidentClassified.newBuilder()
                .setReportId(reportId)
                .setReport(report)
                .setOverallSeverity(severity)
                .setIncidentType(type)
                .setResponsibleUnit(UNIT)
                .setClassifiedAt(receivedAt)
                .setClassifierVersion("test")
                .build();
    }

    /** Received the morning after it happened: the usual case. */
    static IncidentClassified nextDay(String reportId, IncidentType type, LocalDate eventDate) {
        return classified(reportId, type, OverallSeverity.MINOR_CONSEQUENCE, eventDate, morningAfter(eventDate));
    }

    static Instant morningAfter(LocalDate date) {
        return date.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC);
    }
}
