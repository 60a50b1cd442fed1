package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.events.AlertStatus;
import dk.rm.patientsafety.events.AlertKind;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.service.words.DanishWords;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A serious or fatal consequence, or a serious patient-safety risk, alerts the incident location's patient-safety officers. */
public final class SeriousIncidentRule {

    private static final Map<OverallSeverity, String> REASONS = Map.of(
            OverallSeverity.FATAL_CONSEQUENCE, "Hændelsen fik dødelig konsekvens for patienten.",
            OverallSeverity.SERIOUS_CONSEQUENCE, "Hændelsen fik alvorlig konsekvens for patienten.",
            OverallSeverity.SERIOUS_PATIENT_SAFETY_RISK, "Hændelsen kunne have fået alvorlig eller dødelig konsekvens (alvorlig risiko for patientsikkerheden).");

    private SeriousIncidentRule() {
    }

    /** Why a standing alert no longer stands: the incident was reclassified as no longer serious. */
    public static String withdrawalReason(OverallSeverity now) {
        return "Trukket tilbage: hændelsen er omklassificeret til " + DanishWords.severity(now) + ".";
    }

    /** The alert id is derived from the report, so replaying a report can only ever overwrite its one alert. */
    public static String alertId(String reportId) {
        return "serious-incident:" + reportId;
    }

    /** @param lineage the incident location and the units above it, nearest first */
    public static Optional<Alert> evaluate(IncidentClassified incident, List<String> lineage, Instant now) {
        String reason = REASONS.get(incident.getOverallSeverity());
        if (reason == null) {
            return Optional.empty();
        }
        IncidentReported report = incident.getReport();
        return Optional.of(Alert.newBuilder()
                .setAlertId(alertId(incident.getReportId()))
                .setKind(AlertKind.SERIOUS_INCIDENT)
                .setReportId(incident.getReportId())
                .setOverallSeverity(incident.getOverallSeverity())
                .setIncidentLocation(report.getIncidentLocation())
                .setEventDate(report.getEventDate())
                .setHeadline(report.getHeadline())
                .setReason(reason)
                .setRaisedAt(now)
                .setUpdatedAt(now)
                .setResponsibleUnit(incident.getResponsibleUnit())
                .setLineage(lineage)
                .setCrossSector(incident.getCrossSector())
                // History must not page anyone: a backfilled incident from years ago is on record, not news.
                .setStatus(report.getHistorical() ? AlertStatus.HISTORICAL : AlertStatus.ACTIVE)
                .build());
    }
}
