package dk.rm.patientsafety.taxonomy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Common misspellings: a word within one edit (insertion, deletion, substitution or swap of two neighbouring letters)
 * of a rule stem of at least {@code minLength} letters, with the same first letter, counts as that stem.
 *
 * <p>Short stems are excluded because one edit turns them into other words ("ilt"/"alt", "sonde"/"sande"); the first
 * letter must agree because typos rarely hit it. Real words one edit apart ("injektion"/"infektion") are kept apart
 * by the caller: a word that is itself a rule stem or a known word is never taken as a misspelling. The
 * index holds every stem and every one-letter deletion of it (the symmetric-delete method), so a lookup costs a few
 * hash probes instead of a distance computation against every stem.
 */
public final class FuzzyIndex {

    private final int minLength;
    private final Map<String, List<String>> deletions = new HashMap<>();

    public FuzzyIndex(Collection<String> stems, int minLength) {
        this.minLength = minLength;
        for (String stem : new LinkedHashSet<>(stems)) {
            if (stem.length() >= minLength) {
                add(stem, stem);
                for (int i = 0; i < stem.length(); i++) {
                    add(deleteAt(stem, i), stem);
                }
            }
        }
    }

    /** The rule stems within one edit of {@code word}, excluding {@code word} itself. */
    public Set<String> near(String word) {
        Set<String> found = new LinkedHashSet<>();
        if (word.length() < minLength - 1) {
            return found;
        }
        collect(word, word, found);
        for (int i = 0; i < word.length(); i++) {
            collect(deleteAt(word, i), word, found);
        }
        return found;
    }

    private void collect(String probe, String word, Set<String> found) {
        List<String> stems = deletions.get(probe);
        if (stems == null) {
            return;
        }
        for (String stem : stems) {
            if (!stem.equals(word) && stem.charAt(0) == word.charAt(0) && withinOneEdit(word, stem)) {
                found.add(stem);
            }
        }
    }

    private void add(String probe, String stem) {
        List<String> stems = deletions.computeIfAbsent(probe, p -> new ArrayList<>(1));
        if (!stems.contains(stem)) {
            stems.add(stem);
        }
    }

    private static String deleteAt(String s, int i) {
        return s.substring(0, i) + s.substring(i + 1);
    }

    /** Optimal-string-alignment distance ≤ 1, in one pass. */
    public static boolean withinOneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == la && i == lb) {
            return true;
        }
        if (la == lb) {
            // One substitution, or one swap of neighbours.
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true;
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
        }
        return la > lb ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
    }
}
