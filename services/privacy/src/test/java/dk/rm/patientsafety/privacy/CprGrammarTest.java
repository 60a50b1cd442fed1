package dk.rm.patientsafety.privacy;

import dk.rm.patientsafety.testkit.CprGrammar;
import dk.rm.patientsafety.testkit.IndependentCprDetector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CPR numbers generated from {@link CprGrammar} (every separator run, Unicode space and format character, two- and
 * four-digit years, digit scripts, glued to words), checked by {@link IndependentCprDetector}, which shares no code with
 * the redactor.
 */
class CprGrammarTest {

    private static final int SAMPLES = 20_000;
    private final CprRedactor redactor = new CprRedactor();

    @Test
    void theOracleSeesEveryGeneratedNumberSoTheTestsBelowCanFail() {
        Random random = new Random(1);
        for (int i = 0; i < SAMPLES; i++) {
            String written = CprGrammar.written(random);
            assertFalse(IndependentCprDetector.find(written).isEmpty(), () -> "oracle misses " + escape(written));
        }
    }

    @Test
    void noGeneratedNumberSurvivesRedactionInText() {
        Random random = new Random(2);
        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            String written = CprGrammar.written(random);
            String text = "Patienten " + written + " fik forkert medicin, 2 x 500 mg kl. 22.40. Ring 86 12 34 56.";
            Redaction redaction = redactor.redact(text);
            if (!IndependentCprDetector.find(redaction.text()).isEmpty() || redaction.count(CprRedactor.RULE) < 1) {
                leaks.add(escape(written) + " -> " + escape(redaction.text()));
            }
        }
        assertEquals(List.of(), leaks.stream().limit(20).toList(), leaks.size() + " of " + SAMPLES + " leaked");
    }

    @Test
    void theStructuredFieldAcceptsEveryGeneratedFormAsTheSameTenDigits() {
        Random random = new Random(3);
        for (int i = 0; i < SAMPLES; i++) {
            CprGrammar.Sample sample = CprGrammar.number(random);
            assertEquals(Optional.of(sample.digits()), CprNumbers.normalise(sample.text()), () -> escape(sample.text()));
        }
    }

    @Test
    void theTextAroundSurvives() {
        String text = "Ring 86 12 34 56, dosis 2 x 500 mg kl. 22.40 d. 12.03.2024, SOR 1309011000000, ATC B01AB01.";
        assertEquals(text, redactor.redact(text).text());
        assertTrue(IndependentCprDetector.find(text).isEmpty());
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> out.append(cp >= 32 && cp < 127 ? String.valueOf((char) cp) : "\\u{%X}".formatted(cp)));
        return out.toString();
    }
}
