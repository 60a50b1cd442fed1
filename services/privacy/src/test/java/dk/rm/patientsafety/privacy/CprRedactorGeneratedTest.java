package dk.rm.patientsafety.privacy;

import dk.rm.patientsafety.testkit.IndependentCprDetector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Thousands of generated texts, fixed seeds: every CPR number in every written form and context is gone afterwards
 * (checked by an independent detector), each is counted once, and the numbers around them survive.
 */
class CprRedactorGeneratedTest {

    private static final int TEXTS = 4000;
    private static final List<String> CONNECTIVES = List.of(" og ", ", ", " / ", "\n", "\r\n", " ", "; ", " samt ");

    private final CprRedactor redactor = new CprRedactor();

    /** One generated text and what went into it. */
    private record Sample(String text, List<String> cprs, List<String> fillers) {
    }

    @Test
    void removesEveryGeneratedCprNumberAndCountsEachOnce() {
        Random random = new Random(20070101L);
        int numbers = 0;
        int failingMod11 = 0;
        int[] formsUsed = new int[CprSamples.FORMS.size()];
        for (int i = 0; i < TEXTS; i++) {
            Sample sample = sample(random, formsUsed);
            Redaction redaction = redactor.redact(sample.text());

            assertEquals(List.of(), IndependentCprDetector.find(redaction.text()), () -> describe(sample, redaction));
            assertEquals(sample.cprs().size(), redaction.replaced(), () -> describe(sample, redaction));
            String withoutSeparators = redaction.text().replaceAll("[\\s\\u00A0\\u2009\\u202F\\u2010-\\u2015\\u2212.\\-\\uFF0D]", "");
            for (String cpr : sample.cprs()) {
                assertFalse(withoutSeparators.contains(cpr), () -> describe(sample, redaction));
            }
            for (String filler : sample.fillers()) {
                assertTrue(redaction.text().contains(filler), () -> "filler damaged: " + filler + "\n" + describe(sample, redaction));
            }
            numbers += sample.cprs().size();
            failingMod11 += (int) sample.cprs().stream().filter(c -> !CprSamples.passesMod11(c)).count();
        }
        assertTrue(numbers > 2 * TEXTS, "numbers generated: " + numbers);
        assertTrue(failingMod11 > numbers / 2, "most random numbers fail modulus 11, and they must be caught too");
        for (int count : formsUsed) {
            assertTrue(count > 100, "every written form is exercised");
        }
    }

    @Test
    void leavesGeneratedTextWithoutCprNumbersAlone() {
        Random random = new Random(45L);
        for (int i = 0; i < TEXTS; i++) {
            List<String> fillers = new ArrayList<>();
            for (int f = 0; f < 1 + random.nextInt(4); f++) {
                fillers.add(CprSamples.filler(random));
            }
            String text = String.join(CprSamples.pick(random, CONNECTIVES), fillers);
            assertEquals(List.of(), IndependentCprDetector.find(text), "the generator itself makes no CPR-like text: " + text);
            Redaction redaction = redactor.redact(text);
            assertEquals(text, redaction.text());
            assertEquals(0, redaction.replaced());
        }
    }

    @Test
    void theExternalAudienceRedactorRemovesTheSameNumbers() {
        ExternalAudienceRedactor external = ExternalAudienceRedactor.defaults();
        Random random = new Random(112L);
        for (int i = 0; i < TEXTS / 4; i++) {
            Sample sample = sample(random, new int[CprSamples.FORMS.size()]);
            Redaction redaction = external.redact(sample.text());
            assertEquals(List.of(), IndependentCprDetector.find(redaction.text()), () -> describe(sample, redaction));
            assertEquals(sample.cprs().size(), redaction.count(CprRedactor.RULE), () -> describe(sample, redaction));
        }
    }

    private static Sample sample(Random random, int[] formsUsed) {
        List<String> cprs = new ArrayList<>();
        List<String> fillers = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int count = 1 + random.nextInt(4);
        for (int n = 0; n < count; n++) {
            if (random.nextBoolean()) {
                String filler = CprSamples.filler(random);
                fillers.add(filler);
                text.append(filler).append(random.nextInt(4) == 0 ? "" : CprSamples.pick(random, CONNECTIVES));
            } else if (n > 0) {
                text.append(CprSamples.pick(random, CONNECTIVES));
            }
            String cpr = random.nextInt(5) == 0 ? CprSamples.randomMod11Cpr(random) : CprSamples.randomCpr(random);
            int form = random.nextInt(CprSamples.FORMS.size());
            formsUsed[form]++;
            cprs.add(cpr);
            text.append(CprSamples.pick(random, CprSamples.PREFIXES))
                    .append(CprSamples.FORMS.get(form).apply(cpr, random))
                    .append(CprSamples.pick(random, CprSamples.SUFFIXES));
        }
        if (random.nextBoolean()) {
            String filler = CprSamples.filler(random);
            fillers.add(filler);
            text.append(" ").append(filler);
        }
        return new Sample(text.toString(), cprs, fillers);
    }

    private static String describe(Sample sample, Redaction redaction) {
        return "input:  " + visible(sample.text()) + "\noutput: " + visible(redaction.text()) + "\nnumbers: " + sample.cprs();
    }

    private static String visible(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\u00A0", "<nbsp>").replace("\u2009", "<thin>")
                .replace("\u202F", "<nnbsp>");
    }

    @Test
    void theOracleSeesWhatTheRedactorMustRemove() {
        // Guards the guard: a detector that found nothing would make the tests above pass vacuously.
        Random random = new Random(7L);
        for (int i = 0; i < 500; i++) {
            String written = CprSamples.write(CprSamples.randomCpr(random), random);
            if (IndependentCprDetector.find("tekst " + written + " tekst").size() != 1) {
                fail("the detector misses " + visible(written));
            }
        }
    }
}
