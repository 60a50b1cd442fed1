package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.events.AlertKind;
import dk.rm.patientsafety.events.AlertStatus;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.events.SignalRule;
import dk.rm.patientsafety.events.StatisticalSignal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A signal raised on a control chart (3-sigma, longest run, too few crossings) alerts the series' unit, and its
 * clearing withdraws the alert once the signal has stayed away for {@code debounce}, so a signal that flaps pages
 * no one twice.
 */
public record SpcSignalRule(Duration debounce) {

    public static SpcSignalRule defaults() {
        return new SpcSignalRule(Duration.ofHours(24));
    }

    /** One alert per series and rule: a replayed or repeated signal can only update it. */
    public static String alertId(String seriesId, SignalRule rule) {
        return "spc-signal:" + seriesId + ":" + rule.name();
    }

    /** The alert a raised signal stands for; found only in history, it is recorded, never delivered. */
    public Alert raised(StatisticalSignal signal, List<String> lineage, String responsibleUnit, Instant raisedAt, Instant now) {
        return Alert.newBuilder()
                .setAlertId(alertId(signal.getSeriesId(), signal.getRule()))
                .setKind(AlertKind.SPC_SIGNAL)
                .setOverallSeverity(OverallSeverity.UNDETERMINED)
                .setIncidentLocation(signal.getUnitSorCode())
                .setSeriesId(signal.getSeriesId())
                .setHeadline(headline(signal.getRule()) + " (enhed " + signal.getUnitSorCode() + ")")
                .setReason(signal.getSentence())
                .setRaisedAt(raisedAt)
                .setUpdatedAt(now)
                .setResponsibleUnit(responsibleUnit)
                .setLineage(lineage)
                .setStatus(signal.getHistorical() ? AlertStatus.HISTORICAL : AlertStatus.ACTIVE)
                .build();
    }

    public Alert withdrawn(Alert standing, Instant now) {
        return Alert.newBuilder(standing)
                .setStatus(AlertStatus.WITHDRAWN)
                .setReason("Trukket tilbage: signalet har været væk i " + debounce.toHours() + " timer; serien ser stabil ud igen.")
                .setUpdatedAt(now)
                .build();
    }

    private static String headline(SignalRule rule) {
        return switch (rule) {
            case SIGMA -> "Kontrolkort: et punkt uden for kontrolgrænserne";
            case LONGEST_RUN -> "Kontrolkort: usædvanligt mange punkter i træk på samme side af midterlinjen";
            case FEW_CROSSINGS -> "Kontrolkort: kurven krydser midterlinjen usædvanligt sjældent";
        };
    }
}
