package dk.rm.patientsafety.taxonomy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Multinomial naive Bayes over the word stems of headline and description (Laplace smoothing), used only to break
 * near-ties between the rules' top two candidates; it never introduces a type the rules did not propose.
 */
public final class TokenNaiveBayes {

    private final DanishNormaliser normaliser;
    private final Map<IncidentType, Double> logPrior;
    private final Map<IncidentType, Map<String, Integer>> counts;
    private final Map<IncidentType, Integer> totals;
    private final int vocabulary;

    private TokenNaiveBayes(DanishNormaliser normaliser, Map<IncidentType, Double> logPrior,
                            Map<IncidentType, Map<String, Integer>> counts, Map<IncidentType, Integer> totals,
                            int vocabulary) {
        this.normaliser = normaliser;
        this.logPrior = logPrior;
        this.counts = counts;
        this.totals = totals;
        this.vocabulary = vocabulary;
    }

    /** One labelled text for training. */
    public record Labelled(IncidentText text, IncidentType type) {
    }

    public static TokenNaiveBayes train(DanishNormaliser normaliser, List<Labelled> examples) {
        Map<IncidentType, Integer> docs = new EnumMap<>(IncidentType.class);
        Map<IncidentType, Map<String, Integer>> counts = new EnumMap<>(IncidentType.class);
        Map<IncidentType, Integer> totals = new EnumMap<>(IncidentType.class);
        Set<String> vocabulary = new HashSet<>();
        for (Labelled example : examples) {
            docs.merge(example.type(), 1, Integer::sum);
            Map<String, Integer> typeCounts = counts.computeIfAbsent(example.type(), t -> new HashMap<>());
            for (String stem : stems(normaliser, example.text())) {
                typeCounts.merge(stem, 1, Integer::sum);
                totals.merge(example.type(), 1, Integer::sum);
                vocabulary.add(stem);
            }
        }
        Map<IncidentType, Double> logPrior = new EnumMap<>(IncidentType.class);
        docs.forEach((type, n) -> logPrior.put(type, Math.log((double) n / examples.size())));
        return new TokenNaiveBayes(normaliser, logPrior, counts, totals, vocabulary.size());
    }

    /** The log-posterior (up to a constant) of one type; types never seen in training get negative infinity. */
    public double logScore(IncidentText text, IncidentType type) {
        Double prior = logPrior.get(type);
        if (prior == null) {
            return Double.NEGATIVE_INFINITY;
        }
        Map<String, Integer> typeCounts = counts.getOrDefault(type, Map.of());
        double denominator = totals.getOrDefault(type, 0) + vocabulary + 1.0;
        double score = prior;
        for (String stem : stems(normaliser, text)) {
            score += Math.log((typeCounts.getOrDefault(stem, 0) + 1.0) / denominator);
        }
        return score;
    }

    /** The best type among the candidates. */
    public IncidentType best(IncidentText text, List<IncidentType> candidates) {
        IncidentType best = candidates.get(0);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (IncidentType candidate : candidates) {
            double score = logScore(text, candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** Every scored type, for the unrestricted figure in cross-validation. */
    public IncidentType best(IncidentText text) {
        return best(text, new ArrayList<>(logPrior.keySet()));
    }

    static List<String> stems(DanishNormaliser normaliser, IncidentText text) {
        List<String> out = new ArrayList<>();
        for (String field : List.of(text.headline(), text.description())) {
            for (Token token : normaliser.tokens(field)) {
                // Very short stems are function words in Danish; they carry class priors, not content.
                if (token.isWord() && token.stem().length() > 2) {
                    out.add(token.stem());
                }
            }
        }
        return out;
    }
}
