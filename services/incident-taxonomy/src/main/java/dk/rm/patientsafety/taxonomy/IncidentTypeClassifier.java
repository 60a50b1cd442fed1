package dk.rm.patientsafety.taxonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The type with the highest summed evidence wins: text rules on headline and description plus structured-field rules;
 * confidence is the winner's margin over the runner-up; no evidence, too little, or a tie gives OTHER with confidence 0.
 *
 * <p>Each piece of evidence carries its final weight (rule weight × headline multiplier × compound-modifier share ×
 * the type's precedence, or the negated share), so a type's score is exactly the sum of its evidence, and
 * {@link TypeDecision#explain()} shows every candidate with every rule that fired. Thread-safe and immutable once
 * built; build it once and share it.
 */
public final class IncidentTypeClassifier {

    /** Evidence short of this much gets its confidence shrunk: one medium rule alone is no sure decision. */
    static final double CONFIDENCE_SHRINK = 2.0;
    private static final double TIE = 1e-9;

    private final PhraseRules phraseRules;
    private final PhraseMatcher matcher;
    private final StructuredFieldRules structuredRules;

    public IncidentTypeClassifier(PhraseRules phraseRules, StructuredFieldRules structuredRules) {
        this.phraseRules = phraseRules;
        this.matcher = new PhraseMatcher(phraseRules);
        this.structuredRules = structuredRules;
    }

    /** With the rule files shipped in the module. */
    public static IncidentTypeClassifier defaults() {
        return new IncidentTypeClassifier(PhraseRules.defaults(), StructuredFieldRules.defaults());
    }

    public TypeDecision classify(IncidentText text) {
        List<Evidence> evidence = new ArrayList<>();
        textEvidence(text.headline(), Evidence.HEADLINE, phraseRules.headlineMultiplier(), evidence);
        textEvidence(text.description(), Evidence.DESCRIPTION, 1.0, evidence);
        evidence.addAll(structuredRules.evidence(text));
        // Precedence is folded into each piece of evidence, so a type's score stays the sum of its evidence.
        List<Evidence> weighted = evidence.stream().map(e -> phraseRules.precedence(e.type()) == 1.0 ? e
                : new Evidence(e.rule(), e.source(), e.matched(), e.weight() * phraseRules.precedence(e.type()),
                        e.negated())).toList();
        return decide(weighted, phraseRules.minimumScore());
    }

    /** Sums evidence per type and picks the winner. */
    static TypeDecision decide(List<Evidence> evidence, double minimumScore) {
        Map<IncidentType, Double> sums = new EnumMap<>(IncidentType.class);
        for (Evidence e : evidence) {
            sums.merge(e.type(), e.weight(), Double::sum);
        }
        Map<IncidentType, Double> scores = new LinkedHashMap<>();
        sums.entrySet().stream()
                .sorted(Map.Entry.<IncidentType, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> scores.put(e.getKey(), e.getValue()));
        List<Evidence> ordered = evidence.stream()
                .sorted(Comparator.comparingDouble((Evidence e) -> -scores.get(e.type()))
                        .thenComparing(Evidence::type)
                        .thenComparing(Comparator.comparingDouble(Evidence::weight).reversed()))
                .toList();

        List<Double> ranked = scores.values().stream().toList();
        double best = ranked.isEmpty() ? 0 : ranked.get(0);
        double second = ranked.size() < 2 ? 0 : Math.max(0, ranked.get(1));
        if (best <= 0 || best < minimumScore || best - second < TIE) {
            // Nothing (or next to nothing) fired, or two types tie: the rules cannot decide, a caseworker must.
            return new TypeDecision(IncidentType.OTHER, 0.0, ordered, scores);
        }
        IncidentType winner = scores.keySet().iterator().next();
        // Margin relative to the winner's score, shrunk when there is little evidence: 6 vs 0 → 0.75, 10 vs 8 → 0.17.
        double confidence = (best - second) / (best + CONFIDENCE_SHRINK);
        return new TypeDecision(winner, Math.max(0, Math.min(1, confidence)), ordered, scores);
    }

    /** One piece of evidence per rule, field and negation, listing every place it fired. */
    private void textEvidence(String text, String source, double multiplier, List<Evidence> out) {
        if (text.isBlank()) {
            return;
        }
        List<Token> tokens = phraseRules.normaliser().tokens(text);
        List<PhraseMatcher.Match> matches = matcher.match(tokens);
        boolean[] inPhrases = new boolean[tokens.size()];
        for (PhraseMatcher.Match match : matches) {
            if (match.rule().kind() == PhraseRule.Kind.PHRASE && match.rule().weight() > 0) {
                java.util.Arrays.fill(inPhrases, match.from(), match.to() + 1, true);
            }
        }
        NegationScope.Negations negations = phraseRules.negation().scan(tokens, inPhrases);
        Map<PhraseRule, Fired> positive = new LinkedHashMap<>();
        Map<PhraseRule, Fired> negative = new LinkedHashMap<>();
        for (PhraseMatcher.Match match : matches) {
            boolean negated = negations.negates(match.from(), match.to(), match.rule().negatable());
            double weight = match.rule().weight() * multiplier
                    * (match.how() == PhraseMatcher.How.COMPOUND_START ? phraseRules.compoundModifierWeight() : 1);
            (negated ? negative : positive).computeIfAbsent(match.rule(), r -> new Fired())
                    .add(surface(tokens, match.from(), match.to()), weight);
        }
        positive.forEach((rule, fired) -> out.add(new Evidence(rule.name(), source, fired.matched(), fired.weight,
                false)));
        negative.forEach((rule, fired) -> out.add(new Evidence(rule.name(), source, fired.matched(),
                fired.weight * phraseRules.negatedWeight(), true)));
    }

    /** Where one rule fired in one field: every place, and the strongest weight (repeating a word adds nothing). */
    private static final class Fired {
        private final Set<String> words = new LinkedHashSet<>();
        private double weight = Double.NEGATIVE_INFINITY;

        void add(String word, double w) {
            words.add(word);
            weight = Math.abs(w) > Math.abs(weight) || weight == Double.NEGATIVE_INFINITY ? w : weight;
        }

        String matched() {
            return String.join(", ", words);
        }
    }

    private static String surface(List<Token> tokens, int from, int to) {
        StringBuilder words = new StringBuilder();
        String previous = null;
        for (int i = from; i <= to; i++) {
            String surface = tokens.get(i).surface();
            // An abbreviation expands to several tokens with the same surface: show it once.
            if (!surface.equals(previous)) {
                if (words.length() > 0) {
                    words.append(' ');
                }
                words.append(surface);
            }
            previous = surface;
        }
        return words.toString();
    }
}
