package dk.rm.patientsafety.taxonomy;

import java.util.List;
import java.util.Locale;

/**
 * One text rule of the rule file: a stem, a phrase or an exact word, its weight for one type, and how it may match.
 *
 * @param type      the type the rule counts for
 * @param kind      stem (one word, any inflection, optionally inside compounds), phrase (consecutive word stems) or
 *                  word (the exact folded word, for short codes such as "SAG" that stemming would confuse)
 * @param pattern   as written in the rule file; with the type and kind it names the rule in explanations
 * @param forms     the folded stems (or keys, for words) of the pattern and of each listed variant spelling
 * @param weight    what a match adds to the type's score (negative: counts against the type)
 * @param compound  where a stem may stand inside a compound
 * @param fuzzy     whether one-edit misspellings of long stems count
 * @param negatable whether a plain negation ("ikke", "ingen") cancels it: true for harms ("faldt ikke"), false where
 *                  the omission is the incident ("epikrise ikke sendt"); denials ("afkræftet") cancel every rule
 * @param gap       how many extra words may stand between a phrase's words
 * @param exactCase for a case-sensitive word, the spelling the text must have ("SAG", the blood product, not "sag",
 *                  a matter); null otherwise
 */
public record PhraseRule(IncidentType type, Kind kind, String pattern, List<List<String>> forms, double weight,
                         Compound compound, boolean fuzzy, boolean negatable, int gap, String exactCase) {

    /** How the pattern is compared. */
    public enum Kind { STEM, PHRASE, WORD }

    /**
     * Where a stem may stand inside a compound word. AUTO, the default, is BOTH for stems of {@value #AUTO_MIN_LENGTH}
     * letters or more and NONE for shorter ones: short stems, most of them verbs, are too often the start or end of
     * unrelated words ("overs" in "oversigt", "tils" in "tilstand", "kopi" in "laparoskopi").
     */
    public enum Compound { AUTO, NONE, START, END, BOTH;

        /** The shortest stem that AUTO lets into compounds. */
        public static final int AUTO_MIN_LENGTH = 6;

        boolean atStart(String stem) {
            return this == START || this == BOTH || (this == AUTO && stem.length() >= AUTO_MIN_LENGTH);
        }

        boolean atEnd(String stem) {
            return this == END || this == BOTH || (this == AUTO && stem.length() >= AUTO_MIN_LENGTH);
        }
    }

    public PhraseRule {
        forms = forms.stream().map(List::copyOf).toList();
    }

    /** {@code <TYPE>:<kind>:<pattern>}, as in {@link Evidence#rule()}. */
    public String name() {
        return Evidence.ruleName(type, kind.name().toLowerCase(Locale.ROOT), pattern);
    }
}
