package dk.rm.patientsafety.taxonomy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhraseRulesTest {

    private static final String NEGATION = "\"negation\": {\"maxTokens\": 4, \"boundaries\": [\".\"], \"cues\": [\"ikke\"]}";

    private static PhraseRules load(String json) {
        return PhraseRules.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "rules.json");
    }

    private static String withTypes(String types) {
        return "{" + NEGATION + ", \"types\": [" + types + "]}";
    }

    private static String error(String json) {
        return assertThrows(RuleFileException.class, () -> load(json)).getMessage();
    }

    @Test
    void theShippedRulesLoadAndCoverEveryType() {
        PhraseRules rules = PhraseRules.defaults();
        Set<IncidentType> covered = rules.rules().stream().map(PhraseRule::type).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(IncidentType.class), covered);
        // Harms are denied by a plain "ikke"; process types are not, because there the omission is the incident.
        assertTrue(rule(rules, "PATIENT_ACCIDENT_FALL:stem:fald").negatable());
        assertFalse(rule(rules, "CLINICAL_ADMINISTRATION:stem:booking").negatable());
        assertTrue(rules.precedence(IncidentType.PATIENT_ACCIDENT_FALL) > rules.precedence(IncidentType.MEDICAL_DEVICE));
    }

    private static PhraseRule rule(PhraseRules rules, String name) {
        return rules.rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void loadsFromAPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, withTypes("{\"type\": \"PATIENT_ACCIDENT_FALL\", \"phrases\": [{\"stem\": \"fald\", \"weight\": 3}]}"));
        PhraseRules rules = PhraseRules.load(file);
        assertEquals("PATIENT_ACCIDENT_FALL:stem:fald", rules.rules().get(0).name());
        assertEquals(PhraseRule.Compound.AUTO, rules.rules().get(0).compound());
    }

    @Test
    void aRuleNamingAnUnknownTypeIsRefusedWithTheKnownTypes() {
        String message = error(withTypes("{\"type\": \"FALLS\", \"phrases\": [{\"stem\": \"fald\", \"weight\": 3}]}"));
        assertTrue(message.startsWith("rules.json: types[0]: unknown type \"FALLS\" (known: [MEDICATION, "), message);
    }

    @Test
    void aMisspeltFieldIsRefusedRatherThanIgnored() {
        String message = error(withTypes("{\"type\": \"NUTRITION\", \"phrases\": [{\"stem\": \"kost\", \"wieght\": 3}]}"));
        assertEquals("rules.json: types[0] (NUTRITION): phrases[0]: unknown field \"wieght\" (known: [caseSensitive, "
                + "compound, fuzzy, gap, negatable, note, phrase, stem, variants, weight, word])", message);
    }

    @Test
    void weightsMustBeNonZeroNumbers() {
        assertEquals("rules.json: types[0] (NUTRITION): phrases[0] (\"kost\"): \"weight\" must be a non-zero number "
                + "between -20 and 20", error(withTypes("{\"type\": \"NUTRITION\", \"phrases\": [{\"stem\": \"kost\"}]}")));
        assertTrue(error(withTypes("{\"type\": \"NUTRITION\", \"phrases\": [{\"stem\": \"kost\", \"weight\": 0}]}"))
                .endsWith("\"weight\" must be a non-zero number between -20 and 20"));
        assertTrue(error(withTypes("{\"type\": \"NUTRITION\", \"phrases\": [{\"stem\": \"kost\", \"weight\": \"3\"}]}"))
                .endsWith("\"weight\" must be a non-zero number between -20 and 20"));
    }

    @Test
    void aStemIsOneWordAndARuleIsExactlyOneKind() {
        assertEquals("rules.json: types[0] (NUTRITION): phrases[0] (\"sonde mad\"): \"sonde mad\" is several words; a "
                        + "stem is one word (use \"phrase\" for several)",
                error(withTypes("{\"type\": \"NUTRITION\", \"phrases\": [{\"stem\": \"sonde mad\", \"weight\": 3}]}")));
        assertEquals("rules.json: types[0] (NUTRITION): phrases[0]: needs exactly one of \"stem\", \"phrase\" or \"word\"",
                error(withTypes("{\"type\": \"NUTRITION\", \"phrases\": [{\"stem\": \"kost\", \"word\": \"mad\", \"weight\": 3}]}")));
        assertEquals("rules.json: types[0] (NUTRITION): phrases[0] (\"for lidt mad\"): \"compound\" applies to stems only",
                error(withTypes("{\"type\": \"NUTRITION\", \"phrases\": [{\"phrase\": \"for lidt mad\", \"weight\": 3, "
                        + "\"compound\": \"start\"}]}")));
        assertTrue(error(withTypes("{\"type\": \"NUTRITION\", \"phrases\": [{\"stem\": \"kost\", \"weight\": 3, "
                + "\"compound\": \"middle\"}]}")).endsWith("\"compound\" must be one of \"none\", \"start\", \"end\", \"both\""));
    }

    @Test
    void duplicatesAreRefused() {
        assertEquals("rules.json: types[1]: type NUTRITION is listed twice; put all its phrases in one entry",
                error(withTypes("{\"type\": \"NUTRITION\", \"phrases\": [{\"stem\": \"kost\", \"weight\": 3}]},"
                        + "{\"type\": \"NUTRITION\", \"phrases\": [{\"stem\": \"mad\", \"weight\": 3}]}")));
        assertEquals("rules.json: types[0] (NUTRITION): phrases[1]: \"kost\" is listed twice",
                error(withTypes("{\"type\": \"NUTRITION\", \"phrases\": [{\"stem\": \"kost\", \"weight\": 3},"
                        + "{\"stem\": \"kost\", \"weight\": 2}]}")));
    }

    @Test
    void theNegationSettingsAreRequired() {
        assertEquals("rules.json: negation: must be an object with \"cues\", \"boundaries\" and \"maxTokens\"",
                error("{\"types\": [{\"type\": \"NUTRITION\", \"phrases\": [{\"stem\": \"kost\", \"weight\": 3}]}]}"));
        assertEquals("rules.json: negation: \"boundaries\" must list at least one clause boundary, e.g. \".\"",
                error("{\"negation\": {\"cues\": [\"ikke\"]}, \"types\": [{\"type\": \"NUTRITION\", \"phrases\": "
                        + "[{\"stem\": \"kost\", \"weight\": 3}]}]}"));
        assertEquals("rules.json: negation: cues[0]: unknown field \"scope\" (known: [cue, maxTokens])",
                error("{\"negation\": {\"boundaries\": [\".\"], \"cues\": [{\"cue\": \"ikke\", \"scope\": 2}]}, "
                        + "\"types\": [{\"type\": \"NUTRITION\", \"phrases\": [{\"stem\": \"kost\", \"weight\": 3}]}]}"));
    }

    @Test
    void typeSettingsAreChecked() {
        assertEquals("rules.json: types[0] (NUTRITION): \"precedence\" must be a number from 0.1 to 10",
                error(withTypes("{\"type\": \"NUTRITION\", \"precedence\": \"high\", \"phrases\": [{\"stem\": \"kost\", "
                        + "\"weight\": 3}]}")));
        assertEquals("rules.json: types[0] (NUTRITION): phrases[0] (\"kost\"): \"caseSensitive\" applies to words only",
                error(withTypes("{\"type\": \"NUTRITION\", \"phrases\": [{\"stem\": \"kost\", \"weight\": 3, "
                        + "\"caseSensitive\": true}]}")));
        assertEquals("rules.json: \"compoundModifierWeight\" must be a number from 0 to 1",
                error("{" + NEGATION + ", \"compoundModifierWeight\": 2, \"types\": [{\"type\": \"NUTRITION\", "
                        + "\"phrases\": [{\"stem\": \"kost\", \"weight\": 3}]}]}"));
    }

    @Test
    void brokenJsonNamesLineAndColumn() {
        String message = error("{\n  \"types\": [\n    {\"type\": \"NUTRITION\",, }\n  ]\n}");
        assertTrue(message.startsWith("rules.json: not valid JSON at line 3, column "), message);
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertEquals(missing + ": no such file",
                assertThrows(RuleFileException.class, () -> PhraseRules.load(missing)).getMessage());
    }

    @Test
    void variantsBecomeFormsOfTheSameRule() {
        PhraseRules rules = load(withTypes("{\"type\": \"PATIENT_ACCIDENT_FALL\", \"phrases\": [{\"stem\": \"fald\", "
                + "\"weight\": 3, \"variants\": [\"fadlt\", \"faldt\"]}]}"));
        // "faldt" stems to "fald", the same form as the pattern, so it is listed once.
        assertEquals(2, rules.rules().get(0).forms().size());
    }
}
