package dk.rm.patientsafety.taxonomy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the accuracy report as part of the build, prints its tables, and guards both held-out splits.
 *
 * <p>The aim is {@value #AIM} on held-out text. The rules reach less than that on the {@code test} split (text written
 * by another author than the rules' tuner; see README-accuracy.md), so the build asserts floors, the figures reached
 * rounded down, to catch regressions, and prints whether the aim is met. {@code -Dtaxonomy.strictAim=true} asserts the
 * aim itself. Each held-out split has its own floor rather than one on their union: {@code test2} was written by the
 * tuner and scores higher, so a union floor would let it hide a regression on {@code test}, the harder split.
 */
class AccuracyReportTest {

    /** The aim for held-out text. */
    static final double AIM = 0.90;
    /** The accuracy the rules reached on the test split (100/122 = 0.8197), rounded down: a regression guard, not the aim. */
    static final double FLOOR = 0.81;
    /** The accuracy reached on the second held-out split test2 (59/61 = 0.967), rounded down. */
    static final double TEST2_FLOOR = 0.96;

    @Test
    void heldOutSplitsAccuracy() {
        assertTrue(AccuracyReport.corpusPresent(), "the labelled corpus " + AccuracyReport.CORPUS_RESOURCE
                + " is missing from src/test/resources");
        List<AccuracyReport.Example> corpus = AccuracyReport.readDefault();
        IncidentTypeClassifier classifier = IncidentTypeClassifier.defaults();
        System.out.println(evaluate(classifier, corpus, "dev").report("dev"));
        boolean strict = Boolean.getBoolean("taxonomy.strictAim");
        check(classifier, corpus, "test", strict ? AIM : FLOOR);
        check(classifier, corpus, "test2", strict ? AIM : TEST2_FLOOR);
    }

    private static void check(IncidentTypeClassifier classifier, List<AccuracyReport.Example> corpus, String split,
                              double bar) {
        AccuracyReport.Evaluation evaluation = evaluate(classifier, corpus, split);
        System.out.println(evaluation.report(split));
        System.out.println(String.format(Locale.ROOT, "%s-split accuracy %.3f: %s the aim %.2f", split,
                evaluation.accuracy(), evaluation.accuracy() >= AIM ? "meets" : "BELOW", AIM));
        assertTrue(evaluation.total() > 0, "the corpus has no " + split + " split");
        assertTrue(evaluation.accuracy() >= bar, String.format(Locale.ROOT, "%s-split accuracy %.3f is below %.2f",
                split, evaluation.accuracy(), bar));
    }

    private static AccuracyReport.Evaluation evaluate(IncidentTypeClassifier classifier,
                                                      List<AccuracyReport.Example> corpus, String split) {
        return AccuracyReport.Evaluation.of(classifier, corpus.stream().filter(e -> e.split().equals(split)).toList());
    }

    @Test
    void theHandWrittenDevSampleIsClassifiedWell() {
        List<AccuracyReport.Example> sample = AccuracyReport.read(
                AccuracyReportTest.class.getResourceAsStream(AccuracyReport.DEV_SAMPLE_RESOURCE), "dev-sample");
        AccuracyReport.Evaluation evaluation = AccuracyReport.Evaluation.of(IncidentTypeClassifier.defaults(), sample);
        assertTrue(evaluation.accuracy() >= AIM, evaluation.report("dev-sample"));
    }
}
