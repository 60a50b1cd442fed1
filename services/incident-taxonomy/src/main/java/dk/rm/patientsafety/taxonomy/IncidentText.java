package dk.rm.patientsafety.taxonomy;

import java.util.List;

/**
 * What the classifier reads from a report: the free text and the structured fields that hint at the type.
 *
 * @param headline    the reporter's headline (overskrift); may be null
 * @param description the free-text description; may be null
 * @param mainGroup   the main group (hovedgruppe) the reporter chose; may be null
 * @param atcCodes    ATC codes of involved medicine; null means none
 * @param deviceTypes types of involved devices; null means none
 */
public record IncidentText(String headline, String description, String mainGroup, List<String> atcCodes,
                           List<String> deviceTypes) {

    public IncidentText {
        headline = headline == null ? "" : headline;
        description = description == null ? "" : description;
        mainGroup = mainGroup == null ? "" : mainGroup;
        atcCodes = atcCodes == null ? List.of() : atcCodes.stream().filter(c -> c != null && !c.isBlank()).toList();
        deviceTypes = deviceTypes == null ? List.of() : deviceTypes.stream().filter(d -> d != null && !d.isBlank()).toList();
    }

    /** Free text only. */
    public static IncidentText of(String headline, String description) {
        return new IncidentText(headline, description, null, null, null);
    }
}
