package dk.rm.patientsafety.taxonomy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A negation cue ("ikke", "ingen", "ikke tegn på", …) negates the next few words of its clause; a trailing cue
 * ("afkræftet", "udelukket", "fungerede korrekt") negates the words before it.
 *
 * <p>The scope is at most {@code maxTokens} words (per cue) and ends early at a clause boundary (",", ".", ";", "men",
 * …), in the spirit of NegEx: "ingen tegn på infektion, men faldt" negates "infektion", not "faldt". Pseudo-cues
 * ("ikke kun", "ikke udelukke", "intet om") look like negation but are not, and are skipped whole. Cues are compared as
 * folded keys, not stems, because short function words stem badly ("ingen" → "ing").
 *
 * <p>Two strengths, because in incident reports a negation is as often the incident as its denial: "faldt ikke" and
 * "ingen tegn på infektion" deny a harm, but "epikrise ikke sendt", "tiden blev aldrig booket" and "ingen ledig
 * sprøjtepumpe" are omissions, and the omission is what happened. A plain cue ("ikke", "ingen", "uden") therefore
 * negates only rules marked negatable (the harms: falls, infections, pressure ulcers, violence); a denial cue
 * ("ingen tegn på", "afkræftet", "fungerede korrekt") negates every rule.
 */
public final class NegationScope {

    /** Which way a cue reaches. */
    public enum Direction { AFTER, BEFORE }

    /**
     * A cue as folded keys, e.g. [ikke, tegn, paa], how many words it reaches, and whether it is a denial (negates
     * every rule) or a plain negation (negates negatable rules only).
     */
    public record Cue(List<String> keys, Direction direction, int maxTokens, boolean denial) {
    }

    private final List<Cue> cues;
    private final List<List<String>> pseudoCues;
    private final Set<String> boundaries;

    public NegationScope(List<Cue> cues, List<List<String>> pseudoCues, Set<String> boundaries) {
        // Longest cue first, so "ikke tegn på" wins over "ikke".
        this.cues = cues.stream().sorted((a, b) -> b.keys().size() - a.keys().size()).toList();
        this.pseudoCues = pseudoCues.stream().sorted((a, b) -> b.size() - a.size()).toList();
        this.boundaries = Set.copyOf(boundaries);
    }

    /** Where negation reaches in one text. */
    public Negations scan(List<Token> tokens) {
        return scan(tokens, new boolean[tokens.size()]);
    }

    /**
     * Where negation reaches in one text, skipping cues on {@code used} tokens: a cue that belongs to a phrase rule
     * ("ikke opdateret", "ingen ledige senge") states the incident and negates nothing else.
     */
    public Negations scan(List<Token> tokens, boolean[] used) {
        int n = tokens.size();
        Negations negations = new Negations(n);
        int i = 0;
        while (i < n) {
            int pseudo = used[i] ? 0 : longestMatch(tokens, i, pseudoCues);
            if (pseudo > 0) {
                i += pseudo;
                continue;
            }
            Cue cue = null;
            int length = 0;
            for (Cue candidate : used[i] ? List.<Cue>of() : cues) {
                length = matchLength(tokens, i, candidate.keys());
                if (length > 0) {
                    cue = candidate;
                    break;
                }
            }
            if (cue == null) {
                i++;
                continue;
            }
            int end = i + length - 1;
            int step = cue.direction() == Direction.AFTER ? 1 : -1;
            int words = 0;
            for (int j = cue.direction() == Direction.AFTER ? end + 1 : i - 1;
                 j >= 0 && j < n && words < cue.maxTokens() && !isBoundary(tokens.get(j)); j += step) {
                negations.mark(j, i, end, cue.denial());
                words++;
            }
            i = end + 1;
        }
        return negations;
    }

    private boolean isBoundary(Token token) {
        return boundaries.contains(token.key());
    }

    private static int longestMatch(List<Token> tokens, int at, List<List<String>> phrases) {
        for (List<String> phrase : phrases) {
            int length = matchLength(tokens, at, phrase);
            if (length > 0) {
                return length;
            }
        }
        return 0;
    }

    private static int matchLength(List<Token> tokens, int at, List<String> keys) {
        if (at + keys.size() > tokens.size()) {
            return 0;
        }
        for (int k = 0; k < keys.size(); k++) {
            if (!tokens.get(at + k).key().equals(keys.get(k))) {
                return 0;
            }
        }
        return keys.size();
    }

    /** Per token: which plain and which denial cue (as a token span) negates it, if any. */
    public static final class Negations {
        private final int[] plainStart;
        private final int[] plainEnd;
        private final int[] denialStart;
        private final int[] denialEnd;

        Negations(int n) {
            plainStart = new int[n];
            plainEnd = new int[n];
            denialStart = new int[n];
            denialEnd = new int[n];
            Arrays.fill(plainStart, -1);
            Arrays.fill(denialStart, -1);
        }

        private void mark(int token, int start, int end, boolean denial) {
            int[] starts = denial ? denialStart : plainStart;
            int[] ends = denial ? denialEnd : plainEnd;
            if (starts[token] < 0) {
                starts[token] = start;
                ends[token] = end;
            }
        }

        /**
         * True if a token of [from, to] is negated by a cue outside [from, to] ("ikke fulgt op" is a phrase, not a
         * negation): by any cue if the rule is negatable, by a denial cue only if it is not.
         */
        public boolean negates(int from, int to, boolean negatable) {
            for (int t = from; t <= to; t++) {
                if (outside(denialStart, denialEnd, t, from, to) || (negatable && outside(plainStart, plainEnd, t, from, to))) {
                    return true;
                }
            }
            return false;
        }

        private static boolean outside(int[] starts, int[] ends, int t, int from, int to) {
            return starts[t] >= 0 && (starts[t] < from || ends[t] > to);
        }

        /** Negated by any cue. */
        public boolean isNegated(int token) {
            return plainStart[token] >= 0 || denialStart[token] >= 0;
        }

        /** Negated by a denial cue. */
        public boolean isDenied(int token) {
            return denialStart[token] >= 0;
        }
    }
}
