package dk.rm.patientsafety.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What was removed is reported as counts per rule, never as content, so callers can log it.
 *
 * @param text     the text with every match replaced by its rule's token
 * @param replaced how many matches were replaced, over all rules
 * @param counts   matches per rule name, in the order the rules ran (rules that matched nothing included)
 */
public record Redaction(String text, int replaced, Map<String, Integer> counts) {

    public Redaction {
        Objects.requireNonNull(text, "text");
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        if (counts.values().stream().mapToInt(Integer::intValue).sum() != replaced) {
            throw new IllegalArgumentException("replaced (" + replaced + ") is not the sum of the counts " + counts);
        }
    }

    /** The result of a single rule. */
    public Redaction(String text, String rule, int replaced) {
        this(text, replaced, Map.of(rule, replaced));
    }

    /** Matches of one rule; 0 when the rule did not run or is unknown. */
    public int count(String rule) {
        return counts.getOrDefault(rule, 0);
    }
}
