package dk.rm.patientsafety.service.words;

import dk.rm.patientsafety.events.FollowUpStatus;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.OverallSeverity;

import java.util.EnumMap;
import java.util.Map;

/** The platform's enums in the Danish words officers and partners read: one place, so an alert and a summary say the same. */
public final class DanishWords {

    /** The overall severity in the words of the national consequence scale. */
    private static final Map<OverallSeverity, String> SEVERITIES = new EnumMap<>(Map.of(
            OverallSeverity.UNDETERMINED, "uafklaret",
            OverallSeverity.NO_CONSEQUENCE, "ingen konsekvens",
            OverallSeverity.MINOR_CONSEQUENCE, "mindre konsekvens",
            OverallSeverity.SERIOUS_PATIENT_SAFETY_RISK, "alvorlig risiko for patientsikkerheden",
            OverallSeverity.SERIOUS_CONSEQUENCE, "alvorlig konsekvens",
            OverallSeverity.FATAL_CONSEQUENCE, "dødelig konsekvens"));

    private static final Map<FollowUpStatus, String> FOLLOW_UP = new EnumMap<>(Map.of(
            FollowUpStatus.OPEN, "åben, ikke kvitteret",
            FollowUpStatus.ACKNOWLEDGED, "kvitteret",
            FollowUpStatus.ACTION_UNDERWAY, "handling i gang",
            FollowUpStatus.RESOLVED, "afsluttet",
            FollowUpStatus.WITHDRAWN, "trukket tilbage"));

    private static final String[] MONTHS = {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
            "oktober", "november", "december"};

    private DanishWords() {
    }

    public static String severity(OverallSeverity severity) {
        return SEVERITIES.getOrDefault(severity, severity.name());
    }

    /** The type as the national main group (hovedgruppe) names it, the taxonomy's word for it. */
    public static String type(IncidentType type) {
        return dk.rm.patientsafety.taxonomy.IncidentType.valueOf(type.name()).mainGroup();
    }

    public static String followUp(FollowUpStatus status) {
        return FOLLOW_UP.getOrDefault(status, status.name());
    }

    /** The month's name, 1 for januar. */
    public static String month(int month) {
        return MONTHS[month - 1];
    }
}
