package dk.rm.patientsafety.taxonomy;

/**
 * One word, number or punctuation mark of a normalised text.
 *
 * @param surface as written in the report (an abbreviation's expansion keeps the abbreviation as its surface)
 * @param key     lower-case, ASCII-folded form (æ→ae, ø→oe, å→aa): the form that is compared
 * @param stem    {@link DanishStemmer#stem} of the key; for punctuation the mark itself
 * @param kind    word, number or punctuation
 */
public record Token(String surface, String key, String stem, Kind kind) {

    /** What a token is. */
    public enum Kind { WORD, NUMBER, PUNCTUATION }

    public boolean isWord() {
        return kind == Kind.WORD;
    }
}
