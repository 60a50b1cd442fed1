package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.FollowUpAction;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.service.organisation.OrganisationUnit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The Danish mail an alert's recipients get: what, where, why, by when to acknowledge, and a link. Never the report's
 * free text, which stays behind the link where access is checked: a mail can be forwarded, a page cannot.
 */
public final class AlertMessages {

    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("da-DK"));
    private static final Map<String, String> KINDS = Map.of(
            "SERIOUS_INCIDENT", "Alvorlig hændelse",
            "CLUSTER", "Ophobning af hændelser",
            "SPC_SIGNAL", "Signal i kontroldiagram",
            "INDICATOR_BELOW_STANDARD", "Kvalitetsindikator under standard");
    private static final Map<FollowUpAction, String> OPENINGS = Map.of(
            FollowUpAction.RAISED, "Ny alarm",
            FollowUpAction.ESCALATED, "Eskaleret alarm",
            FollowUpAction.RAISED_AGAIN, "Alarm rejst igen",
            FollowUpAction.REOPENED, "Alarm genåbnet");

    private final OrganisationRegister register;
    private final String linkTemplate;

    /** @param linkTemplate where an alert is opened, {@code {alertId}} standing for its id */
    public AlertMessages(OrganisationRegister register, String linkTemplate) {
        this.register = register;
        this.linkTemplate = linkTemplate;
    }

    /** A message is written for the steps that hand an alert to someone. */
    public static boolean tells(FollowUpAction action) {
        return OPENINGS.containsKey(action);
    }

    public String subject(FollowUpAction action, StoredAlert alert) {
        return OPENINGS.get(action) + ": " + KINDS.getOrDefault(alert.kind(), "Alarm") + " – " + unitName(alert.incidentLocation());
    }

    public String text(FollowUpAction action, StoredAlert alert, String note, Instant escalateAt) {
        StringBuilder text = new StringBuilder();
        text.append(OPENINGS.get(action)).append(" til jer fra patientsikkerhedsplatformen.\n\n");
        text.append("Hvad: ").append(KINDS.getOrDefault(alert.kind(), "Alarm")).append('\n');
        text.append("Hvor: ").append(unitName(alert.incidentLocation())).append(" (").append(alert.incidentLocation()).append(")\n");
        text.append("Hvorfor: ").append(alert.reason()).append('\n');
        text.append("Rejst: ").append(WHEN.format(alert.raisedAt().atZone(DANISH_TIME))).append('\n');
        if (note != null) {
            text.append("Bemærkning: ").append(note).append('\n');
        }
        if (escalateAt != null) {
            text.append("Kvittér senest: ").append(WHEN.format(escalateAt.atZone(DANISH_TIME)))
                    .append(" – ellers sendes alarmen videre.\n");
        }
        text.append("\nÅbn alarmen: ").append(link(alert.alertId())).append("\n\n");
        text.append("Mailen indeholder hverken patientens eller anmelderens identitet og ingen fritekst fra rapporten.\n");
        return text.toString();
    }

    String link(String alertId) {
        return linkTemplate.replace("{alertId}", URLEncoder.encode(alertId, StandardCharsets.UTF_8));
    }

    private String unitName(String sorCode) {
        return register.find(sorCode).map(OrganisationUnit::name).orElse(sorCode);
    }
}
