package dk.rm.patientsafety.privacy;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every match of a rule's pattern becomes its token; with a group named {@code redact}, only that group does.
 *
 * <p>The group keeps context such as a job title readable: "sygeplejerske [NAVN]".
 */
public record RedactionRule(String name, Pattern pattern, String replacement) {

    /** Rule patterns see æ, ø, å and non-breaking spaces as letters and spaces in \w, \b and \s. */
    static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;
    private static final String REDACT_GROUP = "redact";
    private static final Pattern NEVER = Pattern.compile("(?!)");

    /** Known names, whole words, any case, longest first so "Mette Hansen" wins over "Mette". */
    static RedactionRule forNames(String name, List<String> names, String replacement) {
        if (names.isEmpty()) {
            return new RedactionRule(name, NEVER, replacement);
        }
        String alternatives = names.stream()
                .map(String::strip)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(n -> String.join("\\s+", List.of(n.split("\\s+")).stream().map(Pattern::quote).toList()))
                .collect(Collectors.joining("|"));
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                FLAGS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return new RedactionRule(name, pattern, replacement);
    }

    public Redaction apply(String text) {
        Matcher matcher = pattern.matcher(text);
        boolean partial = pattern.pattern().contains("(?<" + REDACT_GROUP + ">");
        StringBuilder out = null;
        int copied = 0;
        int count = 0;
        while (matcher.find()) {
            int start = partial ? matcher.start(REDACT_GROUP) : matcher.start();
            int end = partial ? matcher.end(REDACT_GROUP) : matcher.end();
            if (start < 0 || end == start) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, start).append(replacement);
            copied = end;
            count++;
        }
        if (out == null) {
            return new Redaction(text, name, 0);
        }
        return new Redaction(out.append(text, copied, text.length()).toString(), name, count);
    }
}
