package dk.rm.patientsafety.taxonomy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The decided type, how sure the rules are, and why.
 *
 * @param type       the type with the highest score; {@link IncidentType#OTHER} if nothing fired or the top two tie
 * @param confidence in [0, 1]: the winner's margin over the runner-up, shrunk when there is little evidence at all
 * @param evidence   every rule that fired, for every candidate type, strongest first
 * @param scores     every candidate type (one with evidence) and its score, highest first
 */
public record TypeDecision(IncidentType type, double confidence, List<Evidence> evidence,
                           Map<IncidentType, Double> scores) {

    public TypeDecision {
        evidence = List.copyOf(evidence);
        scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
    }

    /** The evidence for one type. */
    public List<Evidence> evidenceFor(IncidentType candidate) {
        return evidence.stream().filter(e -> e.type() == candidate).toList();
    }

    /**
     * One line per candidate, e.g.
     * {@code PATIENT_ACCIDENT_FALL 7.50: stem:fald in headline 'Faldt' +4.50; phrase:fundet på gulvet in description …}.
     */
    public String explain() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s (confidence %.2f)", type, confidence));
        if (scores.isEmpty()) {
            return out.append(": no rule fired").toString();
        }
        scores.forEach((candidate, score) -> out.append(String.format(Locale.ROOT, "%n  %s %.2f: ", candidate, score))
                .append(evidenceFor(candidate).stream()
                        .map(e -> String.format(Locale.ROOT, "%s in %s '%s' %+.2f%s",
                                e.rule().substring(e.rule().indexOf(':') + 1), e.source(), e.matched(), e.weight(),
                                e.negated() ? " (negated)" : ""))
                        .collect(Collectors.joining("; "))));
        return out.toString();
    }
}
