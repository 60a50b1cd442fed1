package dk.rm.patientsafety.privacy;

import dk.rm.patientsafety.privacy.DigitGroups.Group;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * CPR numbers written anywhere in free text are replaced by a token.
 *
 * <p>A CPR number is a plausible date DDMMYY or DDMMCCYY (day 01-31, month 01-12, any two-digit year or a year from
 * 1800 to 2099) and four digits, written with or without a short run of separators after the day, month and year (up
 * to six spaces of any kind, line breaks, dashes, dots, slashes, underscores, commas, colons ..., with any invisible
 * format characters among them), glued to words or not, in ASCII or any other decimal digits (e.g. full-width). The
 * modulus-11 check is never used. Digits glued to each other (no separator) form one number, and that decides longer runs:
 * <ul>
 *   <li>exactly 10 digits in the CPR shape: redacted;</li>
 *   <li>11 or 12 glued digits with the CPR shape inside: redacted whole, as a mistyped number or one run into
 *       another figure (0045-prefixed phone numbers never contain a date, so they stay);</li>
 *   <li>13 or more glued digits (SOR codes, GLN/EAN numbers): a code, left alone, even if ten of them look like a
 *       CPR number;</li>
 *   <li>numbers separated by a separator are separate numbers: "0101901234 100 mg" still loses its CPR number;</li>
 *   <li>where two readings overlap ("20 11 010190-1234"), the whole stretch is redacted rather than guessed at.</li>
 * </ul>
 * Phone numbers (8 digits, also after +45), dates alone, times and doses never have the CPR shape and stay.
 */
public final class CprRedactor {

    public static final String TOKEN = "[CPR]";
    public static final String RULE = "cpr";

    /** Groups {@code from..to} (inclusive) replaced by one token. */
    private static final class Span {
        int from;
        int to;

        Span(int from, int to) {
            this.from = from;
            this.to = to;
        }

        boolean overlaps(Span other) {
            return from <= other.to && other.from <= to;
        }
    }

    public Redaction redact(String text) {
        return replace(text, digits -> TOKEN);
    }

    /**
     * Replaces every CPR number found by the rule above with what {@code replacement} makes of its digits (ASCII, as
     * written: ten, twelve with a four-digit year, or a glued run of up to twelve).
     */
    public Redaction replace(String text, Function<String, String> replacement) {
        List<Group> groups = DigitGroups.of(text);
        List<Span> spans = find(groups);
        if (spans.isEmpty()) {
            return new Redaction(text, RULE, 0);
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (Span span : spans) {
            StringBuilder digits = new StringBuilder();
            for (int g = span.from; g <= span.to; g++) {
                digits.append(groups.get(g).digits());
            }
            out.append(text, copied, groups.get(span.from).start()).append(replacement.apply(digits.toString()));
            copied = groups.get(span.to).end();
        }
        out.append(text, copied, text.length());
        return new Redaction(out.toString(), RULE, spans.size());
    }

    /** Whether the text holds at least one CPR number by the rule above. */
    public boolean containsCpr(String text) {
        return !find(DigitGroups.of(text)).isEmpty();
    }

    /** The spans to replace, in text order, one per CPR number. */
    private static List<Span> find(List<Group> groups) {
        List<Span> exact = new ArrayList<>();
        for (int from = 0; from < groups.size(); from++) {
            for (int count = 1; count <= CprShape.MAX_GROUPS; count++) {
                if (CprShape.isExact(groups, from, count)) {
                    exact.add(new Span(from, from + count - 1));
                }
            }
        }
        List<Span> chosen = disjoint(exact);
        Span[] owner = new Span[groups.size()];
        for (Span span : chosen) {
            mark(span, owner);
        }
        // Glued runs only among what is left, so an exact number is never swallowed by a longer reading.
        for (int from = 0; from < groups.size(); from++) {
            for (int count = 1; count <= CprShape.MAX_GROUPS; count++) {
                Span span = new Span(from, from + count - 1);
                if (CprShape.isGlued(groups, from, count) && isFree(span, owner)) {
                    mark(span, owner);
                    chosen.add(span);
                    break;
                }
            }
        }
        chosen.sort(Comparator.comparingInt(s -> s.from));
        return chosen;
    }

    /**
     * Overlapping readings ("10.12.24 0101 90-1234": a date before a number, or a number whose serial starts like a
     * date) are ambiguous. Rather than guess, the most numbers that fit side by side are counted, and every group of
     * every reading is redacted with the nearest of them, so no reading leaves its digits behind.
     */
    private static List<Span> disjoint(List<Span> candidates) {
        List<Span> byEnd = new ArrayList<>(candidates);
        byEnd.sort(Comparator.<Span>comparingInt(s -> s.to).thenComparingInt(s -> s.from));
        List<Span> chosen = new ArrayList<>();
        List<Span> left = new ArrayList<>();
        for (Span span : byEnd) {
            if (chosen.isEmpty() || chosen.get(chosen.size() - 1).to < span.from) {
                chosen.add(new Span(span.from, span.to));
            } else {
                left.add(span);
            }
        }
        for (Span span : left) {
            absorb(span, chosen);
        }
        return chosen;
    }

    /** Extends the chosen spans over the groups of a reading that was not chosen but overlaps them. */
    private static void absorb(Span reading, List<Span> chosen) {
        for (int g = reading.from; g <= reading.to; g++) {
            Span nearest = null;
            int distance = Integer.MAX_VALUE;
            for (Span span : chosen) {
                if (span.overlaps(reading)) {
                    int d = g < span.from ? span.from - g : Math.max(0, g - span.to);
                    if (d < distance) {
                        distance = d;
                        nearest = span;
                    }
                }
            }
            if (nearest != null && distance > 0) {
                nearest.from = Math.min(nearest.from, g);
                nearest.to = Math.max(nearest.to, g);
            }
        }
    }

    private static boolean isFree(Span span, Span[] owner) {
        if (span.to >= owner.length) {
            return false;
        }
        for (int g = span.from; g <= span.to; g++) {
            if (owner[g] != null) {
                return false;
            }
        }
        return true;
    }

    private static void mark(Span span, Span[] owner) {
        for (int g = span.from; g <= span.to; g++) {
            owner[g] = span;
        }
    }
}
