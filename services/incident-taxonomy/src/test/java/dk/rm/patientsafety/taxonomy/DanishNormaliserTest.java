package dk.rm.patientsafety.taxonomy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DanishNormaliserTest {

    private final DanishNormaliser normaliser = DanishNormaliser.defaults();

    private List<String> keys(String text) {
        return normaliser.tokens(text).stream().map(Token::key).toList();
    }

    @ParameterizedTest(name = "{0} and {1} are one key")
    @CsvSource({
            "Tryksår, tryksaar", "TRYKSÅR, Tryksaar", "Århus, Aarhus", "Følge, foelge", "Ændring, aendring",
            "Blodtransfusion, BLODTRANSFUSION", "idé, ide", "Köln, køln"})
    void foldsDanishLettersAndTheirAsciiSpellingsToOneKey(String a, String b) {
        assertEquals(DanishNormaliser.fold(a), DanishNormaliser.fold(b));
    }

    @Test
    void expandsClinicalAbbreviationsAndKeepsTheirFullStopOutOfTheClause() {
        assertEquals(List.of("patient", "fik", "insulin", "intravenoes", "af", "sygeplejerske"),
                keys("Pt. fik insulin i.v. af spl. "));
        // The abbreviation stays visible as the surface, so explanations show what the reporter wrote.
        assertEquals("i.v.", normaliser.tokens("givet i.v.").get(1).surface());
        assertEquals(List.of("for", "eksempel", "blandt", "andet"), keys("f.eks. bl.a."));
    }

    @Test
    void unknownDottedAbbreviationsBecomeOneWord() {
        assertEquals(List.of("am", "og", "pm"), keys("a.m. og p.m."));
        assertEquals(List.of("klokken", "3"), keys("kl. 3"));
    }

    @Test
    void keepsClausePunctuationAsTokensAndLineBreaksAsFullStops() {
        assertEquals(List.of("ingen", "feber", ",", "men", "faldt", ".", "slog", "hovedet", "."),
                keys("Ingen feber, men faldt.\nSlog hovedet."));
        assertEquals(List.of("faldt", ".", "slog"), keys("faldt\nslog"));
    }

    @Test
    void splitsHyphenatedWordsAndKeepsDecimalNumbersWhole() {
        assertEquals(List.of("it", "nedbrud", "mrsa", "positiv"), keys("IT-nedbrud, MRSA-positiv").stream()
                .filter(k -> !k.equals(",")).toList());
        assertEquals(List.of("0,5", "mg", "1.000", "ml"), keys("0,5 mg 1.000 ml"));
    }

    @Test
    void ruleFileAbbreviationsAddToTheBuiltInOnes() {
        DanishNormaliser more = DanishNormaliser.withAbbreviations(java.util.Map.of("sengeafs.", "sengeafsnit"));
        assertEquals(List.of("patient", "paa", "sengeafsnit"),
                more.tokens("pt. på sengeafs. ").stream().map(Token::key).toList());
    }

    @Test
    void stemsEveryWord() {
        assertEquals(List.of("patient", "fald", "paa", "gulv"), normaliser.stems("Patienten faldt på gulvet"));
    }
}
