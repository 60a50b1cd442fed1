package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.InvolvedLocation;
import dk.rm.patientsafety.events.LearningIncident;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What a summary may use of a classified incident: counts' keys, its units and themes, and only its externally redacted text. */
final class LearningFacts {

    /** An example shows this much of a description, cut at a word. */
    static final int EXAMPLE_LENGTH = 600;
    private static final String TYPE_ASPECT = "incidentType";
    private static final String RULE_ARROW = " -> ";

    private LearningFacts() {
    }

    static LearningIncident of(IncidentClassified incident, OrganisationRegister register) {
        IncidentReported report = incident.getReport();
        TreeSet<String> units = new TreeSet<>();
        Stream.concat(Stream.of(report.getIncidentLocation()), report.getInvolvedLocations().stream().map(InvolvedLocation::getSorCode))
                .forEach(unit -> units.addAll(register.lineage(unit)));
        return LearningIncident.newBuilder()
                .setReportId(incident.getReportId())
                .setEventDate(report.getEventDate())
                .setIncidentLocation(report.getIncidentLocation())
                .setInvolvedUnits(List.copyOf(units))
                .setIncidentType(incident.getIncidentType())
                .setOverallSeverity(incident.getOverallSeverity())
                .setCrossSector(incident.getCrossSector())
                .setPhraseRules(phraseRules(incident))
                .setExternalHeadline(report.getExternalHeadline())
                .setExternalDescription(cut(report.getExternalDescription()))
                .build();
    }

    /**
     * The taxonomy rules that fired for the type it got ({@code MEDICATION:phrase:forkert dosis}). The evidence reads
     * {@code source:matched -> rule}: only the rule is kept, a name from the rule file, never the reporter's words.
     */
    private static List<String> phraseRules(IncidentClassified incident) {
        String ofType = incident.getIncidentType().name() + ":";
        TreeSet<String> rules = new TreeSet<>();
        incident.getExplanations().stream().filter(e -> TYPE_ASPECT.equals(e.getAspect())).flatMap(e -> e.getEvidence().stream())
                .filter(evidence -> !evidence.contains("(negated)") && evidence.contains(RULE_ARROW))
                .map(evidence -> evidence.substring(evidence.lastIndexOf(RULE_ARROW) + RULE_ARROW.length()).strip())
                .filter(rule -> rule.startsWith(ofType))
                .forEach(rules::add);
        return List.copyOf(rules);
    }

    /** The pattern of a rule name, the words a theme is shown by: {@code forkert dosis}. */
    static String pattern(String ruleName) {
        int second = ruleName.indexOf(':', ruleName.indexOf(':') + 1);
        return second < 0 ? ruleName : ruleName.substring(second + 1);
    }

    static String cut(String text) {
        if (text == null || text.length() <= EXAMPLE_LENGTH) {
            return text;
        }
        int end = text.lastIndexOf(' ', EXAMPLE_LENGTH);
        return text.substring(0, end > EXAMPLE_LENGTH / 2 ? end : EXAMPLE_LENGTH).strip() + " …";
    }
}
