package dk.rm.patientsafety.taxonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds where the text rules of {@link PhraseRules} fire in a token list: exact stems, words and phrases, stems inside
 * compounds, and one-edit misspellings, skipping idioms that only look like evidence.
 */
final class PhraseMatcher {

    /**
     * How a rule matched. Danish compounds are right-headed: in "medicinkøleskab" the fridge is the thing and "medicin"
     * only says which fridge, so a stem that is the first part of a compound (COMPOUND_START) is weaker evidence than
     * the whole word or the last part (COMPOUND_END, "infusionspumpe" is a pump).
     */
    enum How { EXACT, COMPOUND_START, COMPOUND_END, FUZZY }

    /** A rule fired on tokens [from, to]. */
    record Match(PhraseRule rule, int from, int to, How how) {
    }

    private record Form(PhraseRule rule, List<String> words) {
    }

    private final Map<String, List<Form>> byFirstStem = new HashMap<>();
    private final Map<String, List<Form>> byWord = new HashMap<>();
    private final Map<String, List<Form>> compoundHeads = new HashMap<>();
    private final Map<String, List<Form>> compoundTails = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();
    private final FuzzyIndex fuzzy;
    private final List<List<String>> ignore;
    private final int shortestCompoundStem;
    private final int fuzzyMinLength;

    PhraseMatcher(PhraseRules rules) {
        List<String> fuzzyStems = new ArrayList<>();
        int shortest = Integer.MAX_VALUE;
        for (PhraseRule rule : rules.rules()) {
            for (List<String> words : rule.forms()) {
                Form form = new Form(rule, words);
                if (rule.kind() == PhraseRule.Kind.WORD) {
                    byWord.computeIfAbsent(words.get(0), w -> new ArrayList<>()).add(form);
                    vocabulary.add(words.get(0));
                    continue;
                }
                byFirstStem.computeIfAbsent(words.get(0), w -> new ArrayList<>()).add(form);
                vocabulary.addAll(words);
                if (rule.fuzzy()) {
                    fuzzyStems.addAll(words);
                }
                if (rule.kind() == PhraseRule.Kind.STEM) {
                    String stem = words.get(0);
                    if (rule.compound().atStart(stem)) {
                        compoundHeads.computeIfAbsent(stem, w -> new ArrayList<>()).add(form);
                        shortest = Math.min(shortest, stem.length());
                    }
                    if (rule.compound().atEnd(stem)) {
                        compoundTails.computeIfAbsent(stem, w -> new ArrayList<>()).add(form);
                        shortest = Math.min(shortest, stem.length());
                    }
                }
            }
        }
        vocabulary.addAll(rules.knownWords());
        this.fuzzy = new FuzzyIndex(fuzzyStems, rules.fuzzyMinLength());
        this.ignore = rules.ignore();
        this.fuzzyMinLength = rules.fuzzyMinLength();
        this.shortestCompoundStem = shortest == Integer.MAX_VALUE ? 3 : Math.max(2, shortest);
    }

    /**
     * Every rule that fires in the tokens, at most once per rule and start token. Of the one-word rules of one type on
     * one token only the strongest counts: "medicineringsfejl" is one piece of medication evidence, not "medicin" plus
     * "medicinering". Phrases add to the words they contain ("forkert dosis" says more than "dosis").
     */
    List<Match> match(List<Token> tokens) {
        List<Match> all = allMatches(tokens);
        Map<String, Match> strongest = new HashMap<>();
        for (Match m : all) {
            if (m.rule().kind() != PhraseRule.Kind.PHRASE) {
                strongest.merge(m.from() + ":" + m.rule().type(), m,
                        (a, b) -> b.rule().weight() > a.rule().weight() ? b : a);
            }
        }
        return all.stream().filter(m -> m.rule().kind() == PhraseRule.Kind.PHRASE
                || strongest.get(m.from() + ":" + m.rule().type()) == m).toList();
    }

    private List<Match> allMatches(List<Token> tokens) {
        boolean[] ignored = ignored(tokens);
        List<Match> matches = new ArrayList<>();
        Set<PhraseRule> here = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!token.isWord() || ignored[i]) {
                continue;
            }
            here.clear();
            for (Form form : byWord.getOrDefault(token.key(), List.of())) {
                String exactCase = form.rule().exactCase();
                if ((exactCase == null || exactCase.equals(token.surface())) && here.add(form.rule())) {
                    matches.add(new Match(form.rule(), i, i, How.EXACT));
                }
            }
            matchForms(tokens, ignored, i, byFirstStem.get(token.stem()), How.EXACT, here, matches);
            compounds(tokens, i, here, matches);
            if (!vocabulary.contains(token.stem()) && !vocabulary.contains(token.key())) {
                for (String near : fuzzy.near(token.stem())) {
                    matchForms(tokens, ignored, i, byFirstStem.get(near), How.FUZZY, here, matches);
                }
            }
        }
        return matches;
    }

    private void matchForms(List<Token> tokens, boolean[] ignored, int i, List<Form> forms, How how,
                            Set<PhraseRule> here, List<Match> matches) {
        if (forms == null) {
            return;
        }
        for (Form form : forms) {
            if (here.contains(form.rule()) || (how == How.FUZZY && !form.rule().fuzzy())) {
                continue;
            }
            int end = rest(tokens, ignored, i, form);
            if (end >= 0) {
                here.add(form.rule());
                matches.add(new Match(form.rule(), i, end, how));
            }
        }
    }

    /** Where the form's later words end, if they follow token i (with at most the rule's gap between them); else -1. */
    private int rest(List<Token> tokens, boolean[] ignored, int i, Form form) {
        int at = i;
        for (int w = 1; w < form.words().size(); w++) {
            int found = -1;
            for (int j = at + 1, skipped = 0; j < tokens.size() && skipped <= form.rule().gap(); j++, skipped++) {
                Token next = tokens.get(j);
                if (!next.isWord() && next.kind() != Token.Kind.NUMBER || ignored[j]) {
                    break;
                }
                if (wordMatches(next, form.words().get(w))) {
                    found = j;
                    break;
                }
            }
            if (found < 0) {
                return -1;
            }
            at = found;
        }
        return at;
    }

    private boolean wordMatches(Token token, String stem) {
        if (token.stem().equals(stem) || token.key().equals(stem)) {
            return true;
        }
        return stem.length() >= fuzzyMinLength && !vocabulary.contains(token.stem())
                && fuzzy.near(token.stem()).contains(stem);
    }

    private void compounds(List<Token> tokens, int i, Set<PhraseRule> here, List<Match> matches) {
        Token token = tokens.get(i);
        String key = token.key();
        for (int p = shortestCompoundStem; p <= key.length() - CompoundWords.MIN_PART; p++) {
            List<Form> forms = compoundHeads.get(key.substring(0, p));
            if (forms != null && CompoundWords.startsWith(key, key.substring(0, p))) {
                addCompound(forms, i, How.COMPOUND_START, here, matches);
            }
        }
        String stem = token.stem();
        for (int q = CompoundWords.MIN_PART; q <= stem.length() - shortestCompoundStem; q++) {
            List<Form> forms = compoundTails.get(stem.substring(q));
            if (forms != null && CompoundWords.endsWith(stem, stem.substring(q))) {
                addCompound(forms, i, How.COMPOUND_END, here, matches);
            }
        }
    }

    private static void addCompound(List<Form> forms, int i, How how, Set<PhraseRule> here, List<Match> matches) {
        for (Form form : forms) {
            if (here.add(form.rule())) {
                matches.add(new Match(form.rule(), i, i, how));
            }
        }
    }

    /** Tokens inside an idiom of the ignore list. */
    private boolean[] ignored(List<Token> tokens) {
        boolean[] ignored = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            for (List<String> idiom : ignore) {
                if (i + idiom.size() <= tokens.size() && stemsAt(tokens, i, idiom)) {
                    for (int k = 0; k < idiom.size(); k++) {
                        ignored[i + k] = true;
                    }
                }
            }
        }
        return ignored;
    }

    private static boolean stemsAt(List<Token> tokens, int at, List<String> stems) {
        for (int k = 0; k < stems.size(); k++) {
            if (!tokens.get(at + k).stem().equals(stems.get(k))) {
                return false;
            }
        }
        return true;
    }
}
