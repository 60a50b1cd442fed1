package dk.rm.patientsafety.taxonomy;

/**
 * A light Danish stemmer: strips inflectional suffixes so that faldt, faldet, faldende and falder all become "fald".
 *
 * <p>It follows the Snowball Danish stemmer (steps 1–4, with region R1) on the ASCII-folded key of a word
 * ({@link DanishNormaliser#fold}): suffixes such as -erne, -ene, -ede, -ende, -er, -et, -en, -e and a genitive -s are
 * removed only where at least three letters and a vowel-consonant pair stay in front; dt/gt/kt/gd loses its last letter
 * (faldt → fald); -lig, -elig, -els are removed (udskrivelse → udskriv) and a final double consonant is undoubled
 * (tabletten → tablet). It is deliberately light: no dictionary, and both the rules and the report text go through the
 * same function, so a crude stem is harmless as long as it is the same on both sides.
 */
public final class DanishStemmer {

    // Snowball Danish step-1 suffixes, longest first so the longest one that fits wins; plus -ede (væltede → vælt),
    // which Snowball leaves, because narratives are written in the past tense.
    private static final String[] SUFFIXES = {
            "erendes", "erende", "hedens", "ethed", "erede", "heden", "heder", "endes", "ernes", "erens", "erets",
            "ered", "ende", "erne", "ede", "eren", "erer", "heds", "enes", "eres", "eret", "hed", "ene", "ere", "ens", "ers",
            "ets", "en", "er", "es", "et", "e"};
    private static final String VALID_S_ENDING = "abcdfghjklmnoprtvyz";

    private DanishStemmer() {
    }

    public static String stem(String key) {
        if (key.length() < 4) {
            return key;
        }
        int r1 = r1(key);
        StringBuilder word = new StringBuilder(key);
        step1(word, r1);
        step2(word, r1);
        step3(word, r1);
        step4(word, r1);
        return word.toString();
    }

    /** R1 starts after the first consonant that follows a vowel, but never before the fourth letter. */
    private static int r1(String word) {
        int i = 0;
        while (i < word.length() && !vowel(word.charAt(i))) {
            i++;
        }
        while (i < word.length() && vowel(word.charAt(i))) {
            i++;
        }
        return Math.max(3, Math.min(word.length(), i + 1));
    }

    private static void step1(StringBuilder word, int r1) {
        for (String suffix : SUFFIXES) {
            if (endsInRegion(word, suffix, r1)) {
                word.setLength(word.length() - suffix.length());
                return;
            }
        }
        // A genitive or plural -s goes only after letters that can end a Danish word before -s (not "sepsis", "status");
        // the folded å ("aa") counts as the å it was.
        int n = word.length();
        if (n > r1 && word.charAt(n - 1) == 's' && n >= 2) {
            char before = word.charAt(n - 2);
            if (VALID_S_ENDING.indexOf(before) >= 0 || (before == 'a' && n >= 3 && word.charAt(n - 3) == 'a')) {
                word.setLength(n - 1);
            }
        }
    }

    /** faldt → fald, lagt → lag: a past-tense -t after d, g, k, and gd. */
    private static void step2(StringBuilder word, int r1) {
        if (endsInRegion(word, "gd", r1) || endsInRegion(word, "dt", r1) || endsInRegion(word, "gt", r1)
                || endsInRegion(word, "kt", r1)) {
            word.setLength(word.length() - 1);
        }
    }

    /** Derivational -lig, -elig, -els (voldelig → vold, udskrivelse → udskriv); -igst → -ig. */
    private static void step3(StringBuilder word, int r1) {
        if (endsWith(word, "igst")) {
            word.setLength(word.length() - 2);
        }
        for (String suffix : new String[] {"elig", "lig", "els", "ig"}) {
            if (endsInRegion(word, suffix, r1)) {
                word.setLength(word.length() - suffix.length());
                step2(word, r1);
                return;
            }
        }
        if (endsInRegion(word, "loest", r1)) {
            word.setLength(word.length() - 1);
        }
    }

    /** tablett → tablet: a final double consonant is undoubled. */
    private static void step4(StringBuilder word, int r1) {
        int n = word.length();
        if (n >= 2 && n - 1 >= r1) {
            char last = word.charAt(n - 1);
            if (!vowel(last) && Character.isLetter(last) && word.charAt(n - 2) == last) {
                word.setLength(n - 1);
            }
        }
    }

    private static boolean endsInRegion(StringBuilder word, String suffix, int r1) {
        return word.length() - suffix.length() >= r1 && endsWith(word, suffix);
    }

    private static boolean endsWith(StringBuilder word, String suffix) {
        int offset = word.length() - suffix.length();
        if (offset < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (word.charAt(offset + i) != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean vowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }
}
