package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.events.AlertKind;
import dk.rm.patientsafety.events.AlertStatus;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.events.QualityIndicatorObservation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A quality indicator that misses its standard in its latest {@code periods} consecutive periods alerts its unit; a
 * period that meets the standard again withdraws the alert.
 */
public record IndicatorStandardRule(int periods) {

    public IndicatorStandardRule {
        if (periods < 1) {
            throw new IllegalArgumentException("periods must be at least 1");
        }
    }

    /** Three periods in a row: one miss is news, three are a pattern. */
    public static IndicatorStandardRule defaults() {
        return new IndicatorStandardRule(3);
    }

    /** The first missed period names the streak, so a replay or a corrected result can only update its one alert. */
    public static String alertId(String seriesId, LocalDate firstMissed) {
        return alertIdPrefix(seriesId) + firstMissed;
    }

    /** What the ids of every streak of one series begin with. */
    static String alertIdPrefix(String seriesId) {
        return "indicator-standard:" + seriesId + ":";
    }

    /** The alert for a streak of missed periods ({@code missed}, oldest first, the series' latest among them). */
    public Alert alert(String seriesId, List<QualityIndicatorObservation> missed, List<String> lineage, String responsibleUnit,
                       Instant raisedAt, Instant now) {
        QualityIndicatorObservation first = missed.get(0);
        QualityIndicatorObservation latest = missed.get(missed.size() - 1);
        return Alert.newBuilder()
                .setAlertId(alertId(seriesId, first.getPeriodStart()))
                .setKind(AlertKind.INDICATOR_BELOW_STANDARD)
                .setOverallSeverity(OverallSeverity.UNDETERMINED)
                .setIncidentLocation(latest.getUnitSorCode())
                .setSeriesId(seriesId)
                .setEventDate(first.getPeriodStart())
                .setLastEventDate(latest.getPeriodEnd())
                .setHeadline("Indikator " + latest.getIndicatorId() + " (" + latest.getSource() + ") har ikke nået standarden "
                        + missed.size() + " perioder i træk (enhed " + latest.getUnitSorCode() + ")")
                .setReason("Standarden er ikke nået i perioderne " + first.getPeriodStart() + " til " + latest.getPeriodEnd()
                        + " (reglen: " + periods + " perioder i træk).")
                .setRaisedAt(raisedAt)
                .setUpdatedAt(now)
                .setResponsibleUnit(responsibleUnit)
                .setLineage(lineage)
                .setStatus(AlertStatus.ACTIVE)
                .build();
    }

    public Alert withdrawn(Alert standing, Instant now) {
        return Alert.newBuilder(standing)
                .setStatus(AlertStatus.WITHDRAWN)
                .setReason("Trukket tilbage: indikatoren har nået standarden igen, eller resultaterne er rettet.")
                .setUpdatedAt(now)
                .build();
    }
}
