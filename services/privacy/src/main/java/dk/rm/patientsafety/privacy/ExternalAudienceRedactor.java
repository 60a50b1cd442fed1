package dk.rm.patientsafety.privacy;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Phone numbers, e-mail addresses and staff names are removed from free text before it reaches an audience outside
 * the reporting hospital; the rules are data, not code.
 *
 * <p>CPR numbers are always redacted first, by {@link CprRedactor}, whatever the rule file says; then each rule of
 * the file runs in order on the result. The default file also removes exact dates, street addresses and the names
 * of people introduced by a title ("pt.", "fru"), as cross-sector learning feeds require. Thread-safe.
 */
public final class ExternalAudienceRedactor {

    private final CprRedactor cpr = new CprRedactor();
    private final ExternalAudienceRules rules;

    public ExternalAudienceRedactor(ExternalAudienceRules rules) {
        this.rules = rules;
    }

    public static ExternalAudienceRedactor defaults() {
        return new ExternalAudienceRedactor(ExternalAudienceRules.defaults());
    }

    public static ExternalAudienceRedactor fromRules(Path file) {
        return new ExternalAudienceRedactor(ExternalAudienceRules.load(file));
    }

    public static ExternalAudienceRedactor fromRules(InputStream in, String source) {
        return new ExternalAudienceRedactor(ExternalAudienceRules.load(in, source));
    }

    /** The redacted text, with a count for "cpr" and for every rule, in the order they ran. */
    public Redaction redact(String text) {
        Redaction result = cpr.redact(text);
        Map<String, Integer> counts = new LinkedHashMap<>(result.counts());
        String current = result.text();
        for (RedactionRule rule : rules.rules()) {
            Redaction step = rule.apply(current);
            current = step.text();
            counts.put(rule.name(), step.replaced());
        }
        return new Redaction(current, counts.values().stream().mapToInt(Integer::intValue).sum(), counts);
    }

    public ExternalAudienceRules rules() {
        return rules;
    }
}
