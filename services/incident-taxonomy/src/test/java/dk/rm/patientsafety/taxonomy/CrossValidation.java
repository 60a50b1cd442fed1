package dk.rm.patientsafety.taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** k-fold cross-validation on dev of the naive-Bayes tie-breaker: rules alone vs rules with the tie-breaker. */
final class CrossValidation {

    static final int FOLDS = 10;
    static final double[] THRESHOLDS = {0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4};

    private CrossValidation() {
    }

    static String report(List<AccuracyReport.Example> dev) {
        IncidentTypeClassifier rules = IncidentTypeClassifier.defaults();
        DanishNormaliser normaliser = PhraseRules.defaults().normaliser();
        int[] correct = new int[THRESHOLDS.length];
        int rulesCorrect = 0;
        int bayesCorrect = 0;
        for (int fold = 0; fold < FOLDS; fold++) {
            List<TokenNaiveBayes.Labelled> training = new ArrayList<>();
            List<AccuracyReport.Example> held = new ArrayList<>();
            for (int i = 0; i < dev.size(); i++) {
                // Interleaved folds: the corpus is ordered by type, so contiguous folds would starve a type.
                if (i % FOLDS == fold) {
                    held.add(dev.get(i));
                } else {
                    training.add(new TokenNaiveBayes.Labelled(dev.get(i).text(), dev.get(i).expected()));
                }
            }
            TokenNaiveBayes bayes = TokenNaiveBayes.train(normaliser, training);
            for (AccuracyReport.Example example : held) {
                TypeDecision decision = rules.classify(example.text());
                rulesCorrect += decision.type() == example.expected() ? 1 : 0;
                bayesCorrect += bayes.best(example.text()) == example.expected() ? 1 : 0;
                for (int t = 0; t < THRESHOLDS.length; t++) {
                    correct[t] += breakTie(decision, bayes, example.text(), THRESHOLDS[t]) == example.expected() ? 1 : 0;
                }
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "== %d-fold cross-validation on dev (%d reports) ==%nrules alone %.3f; naive Bayes alone %.3f%n",
                FOLDS, dev.size(), (double) rulesCorrect / dev.size(), (double) bayesCorrect / dev.size()));
        for (int t = 0; t < THRESHOLDS.length; t++) {
            out.append(String.format(Locale.ROOT, "rules + tie-breaker below confidence %.2f: %.3f%n", THRESHOLDS[t],
                    (double) correct[t] / dev.size()));
        }
        return out.toString();
    }

    static IncidentType breakTie(TypeDecision decision, TokenNaiveBayes bayes, IncidentText text, double threshold) {
        List<IncidentType> top = decision.scores().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey).limit(2).toList();
        if (top.size() < 2 || decision.confidence() > threshold) {
            return decision.type();
        }
        return bayes.best(text, top);
    }
}
