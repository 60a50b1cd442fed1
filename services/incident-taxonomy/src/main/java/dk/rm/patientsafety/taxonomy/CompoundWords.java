package dk.rm.patientsafety.taxonomy;

/**
 * A rule stem also matches as the first or the last part of a Danish compound: "faldrisiko" (fald + risiko),
 * "medicineringsfejl" (medicinering + s + fejl), "infusionspumpen" (infusion + s + pumpe), "tryksårsforebyggelse".
 *
 * <p>Danish writes compounds as one word, often with a linking -s- or -e- between the parts. Without a dictionary we
 * cannot split them reliably, so the test is conservative: the other part must be at least {@value #MIN_PART} letters
 * after dropping one linking letter. That keeps "medicinsk" (medicin + sk) and "anfald" (an + fald) out, while
 * "medicinskab" and "infusionspumpe" get in. Which rules may match inside compounds is set per rule, because some stems
 * mean something else at one end: "fald" starts a fall ("faldrisiko") but ends a drop ("blodtryksfald", "anfald").
 */
public final class CompoundWords {

    /** The shortest other part of a compound. */
    public static final int MIN_PART = 3;

    private CompoundWords() {
    }

    /** True if {@code stem} is the first part of the compound {@code key} (the token's folded, unstemmed form). */
    public static boolean startsWith(String key, String stem) {
        if (!key.startsWith(stem)) {
            return false;
        }
        return isPart(key.substring(stem.length()), true);
    }

    /** True if {@code stem} is the last part of the compound whose stem is {@code tokenStem}. */
    public static boolean endsWith(String tokenStem, String stem) {
        if (!tokenStem.endsWith(stem)) {
            return false;
        }
        return isPart(tokenStem.substring(0, tokenStem.length() - stem.length()), false);
    }

    /** The other part: long enough, once a linking -s-/-e- (at its start for a tail, at its end for a head) is dropped. */
    static boolean isPart(String rest, boolean restIsTail) {
        if (rest.length() < MIN_PART) {
            return false;
        }
        char linking = restIsTail ? rest.charAt(0) : rest.charAt(rest.length() - 1);
        if (linking == 's' || linking == 'e') {
            return rest.length() - 1 >= MIN_PART;
        }
        return true;
    }
}
