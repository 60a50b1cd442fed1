package dk.rm.patientsafety.testkit;

import java.util.List;
import java.util.Random;

/**
 * Generates CPR numbers in the written forms a person or a source system may produce, from a grammar rather than a
 * list of examples:
 * <pre>
 *   written   := prefix number suffix
 *   number    := day sep month sep year sep serial          (a split only after the day, the month and the year)
 *   day       := 01..31        month := 01..12
 *   year      := YY | CCYY     (CC in 18, 19, 20)
 *   sep       := "" | run      (between the date parts: "" or a run; before the serial also "")
 *   run       := invisible* visible{1,3} invisible*   (visible: spaces of every kind, line breaks, dashes, dots,
 *                                                      slash, backslash, underscore, comma, colon, plus, bar;
 *                                                      invisible: zero-width and other format characters)
 *   digits    := one script per number: ASCII, full-width, Arabic-Indic, Devanagari, Bengali, Thai, mathematical
 *   prefix    := "" | word | word glued | punctuation      suffix := "" | word | word glued | punctuation
 * </pre>
 * Every number has a plausible date and a random serial; modulus 11 is never respected on purpose.
 */
public final class CprGrammar {

    static final List<String> VISIBLE = List.of(" ", "\u00A0", "\u2002", "\u2003", "\u2007", "\u2009", "\u200A", "\u202F", "\u205F",
            "\u3000", "\t", "\n", "\r\n", "-", ".", "/", "\\", "_", ",", ":", "+", "|", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014",
            "\u2015", "\u2212", "\uFE58", "\uFE63", "\uFF0D", "\uFF0E", "\uFF0F", "\u00B7");
    static final List<String> INVISIBLE = List.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u180E", "\u200E",
            "\u200F", "\u2061", "\u2063");
    /** The zero of each script whose ten digits follow one another in Unicode. */
    static final List<Integer> ZEROS = List.of((int) '0', 0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0x1D7CE, 0x1D7EC);
    static final List<String> PREFIXES = List.of("", " ", "cpr", "CPR:", "CPR: ", "cpr.nr. ", "Cpr-nr.", "pt.", "pt ", "(", "\"",
            "\u201E", "\u00AB", "[", "nr.", "\n", "\t", "personnummer ", "patient", "id=", "ref#");
    static final List<String> SUFFIXES = List.of("", " ", ",", ".", ":", ";", ")", "\"", "\u201C", "\u00BB", "]", "\n", "!", "?",
            " kl", "abc", "&x=1");

    /** A written CPR number and the ten digits (DDMMYYSSSS) it stands for. */
    public record Sample(String text, String digits) {
    }

    private CprGrammar() {
    }

    /** A CPR number in a random written form, with random text glued or not around it. */
    public static String written(Random random) {
        return pick(random, PREFIXES) + number(random).text() + pick(random, SUFFIXES);
    }

    /** A CPR number alone, in a random written form: what a structured CPR field may hold. */
    public static Sample number(Random random) {
        int day = 1 + random.nextInt(31);
        int month = 1 + random.nextInt(12);
        boolean longYear = random.nextInt(3) == 0;
        String year = longYear ? (18 + random.nextInt(3)) + "%02d".formatted(random.nextInt(100)) : "%02d".formatted(random.nextInt(100));
        String serial = "%04d".formatted(random.nextInt(10_000));
        int zero = ZEROS.get(random.nextInt(ZEROS.size()));
        String text = script("%02d".formatted(day), zero) + separator(random, true) + script("%02d".formatted(month), zero)
                + separator(random, true) + script(year, zero) + separator(random, true) + script(serial, zero);
        return new Sample(text, "%02d%02d%s%s".formatted(day, month, year.substring(year.length() - 2), serial));
    }

    /** A run of separators, or none. */
    static String separator(Random random, boolean mayBeEmpty) {
        if (mayBeEmpty && random.nextInt(3) == 0) {
            return "";
        }
        StringBuilder run = new StringBuilder();
        if (random.nextInt(3) == 0) {
            run.append(pick(random, INVISIBLE));
        }
        int visible = 1 + random.nextInt(3);
        for (int i = 0; i < visible; i++) {
            run.append(pick(random, VISIBLE));
        }
        if (random.nextInt(3) == 0) {
            run.append(pick(random, INVISIBLE));
        }
        return run.toString();
    }

    private static String script(String ascii, int zero) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.appendCodePoint(zero + (c - '0')));
        return out.toString();
    }

    private static String pick(Random random, List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
