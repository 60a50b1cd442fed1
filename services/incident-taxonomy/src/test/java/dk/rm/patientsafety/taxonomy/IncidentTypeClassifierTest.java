package dk.rm.patientsafety.taxonomy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncidentTypeClassifierTest {

    private static final IncidentTypeClassifier CLASSIFIER = IncidentTypeClassifier.defaults();

    private static TypeDecision classify(String headline, String description) {
        return CLASSIFIER.classify(IncidentText.of(headline, description));
    }

    private static Evidence evidence(TypeDecision decision, String rule, String source) {
        return decision.evidence().stream().filter(e -> e.rule().equals(rule) && e.source().equals(source)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " in " + source + ": " + decision.explain()));
    }

    @Test
    void theExplanationSaysWhichRuleFiredOnWhichWordsOfWhichField() {
        TypeDecision decision = classify("Pt. faldt på stuen", "Patienten blev fundet på gulvet. Faldet skete om natten.");
        assertEquals(IncidentType.PATIENT_ACCIDENT_FALL, decision.type());
        // The headline counts more (it names the main event), and a fall takes precedence over its circumstances.
        PhraseRules rules = PhraseRules.defaults();
        double weight = rules.rules().stream().filter(r -> r.name().equals("PATIENT_ACCIDENT_FALL:stem:fald"))
                .findFirst().orElseThrow().weight() * rules.headlineMultiplier()
                * rules.precedence(IncidentType.PATIENT_ACCIDENT_FALL);
        assertEquals(new Evidence("PATIENT_ACCIDENT_FALL:stem:fald", "headline", "faldt", weight, false),
                evidence(decision, "PATIENT_ACCIDENT_FALL:stem:fald", "headline"));
        // A rule that fires twice in one field is one piece of evidence listing both places.
        assertEquals("Faldet", evidence(decision, "PATIENT_ACCIDENT_FALL:stem:fald", "description").matched());
        assertEquals("fundet på gulvet",
                evidence(decision, "PATIENT_ACCIDENT_FALL:phrase:fundet på gulvet", "description").matched());
        String explanation = decision.explain();
        assertTrue(explanation.startsWith("PATIENT_ACCIDENT_FALL (confidence 0."), explanation);
        assertTrue(explanation.contains(String.format(java.util.Locale.ROOT, "stem:fald in headline 'faldt' +%.2f", weight)),
                explanation);
    }

    @Test
    void scoresAreTheSumsOfTheEvidenceAndComeHighestFirst() {
        TypeDecision decision = CLASSIFIER.classify(new IncidentText("Forkert dosis", "Insulin givet to gange, pt. faldt.",
                "Medicinering", List.of("A10AB05"), List.of()));
        for (Map.Entry<IncidentType, Double> score : decision.scores().entrySet()) {
            double sum = decision.evidenceFor(score.getKey()).stream().mapToDouble(Evidence::weight).sum();
            assertEquals(sum, score.getValue(), 1e-9);
        }
        List<Double> scores = List.copyOf(decision.scores().values());
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) >= scores.get(i));
        }
        assertEquals(IncidentType.MEDICATION, decision.type());
        assertEquals(IncidentType.MEDICATION, decision.scores().keySet().iterator().next());
        assertTrue(decision.scores().containsKey(IncidentType.PATIENT_ACCIDENT_FALL), "every candidate is listed");
    }

    @Test
    void structuredFieldsAreEvidenceToo() {
        TypeDecision decision = CLASSIFIER.classify(new IncidentText("Hændelse", "Se journal.", "Blod",
                List.of("B05AA01"), List.of()));
        assertEquals(IncidentType.BLOOD_PRODUCTS, decision.type());
        assertEquals(new Evidence("BLOOD_PRODUCTS:atc:B05A", "atcCode", "B05AA01", 4, false),
                evidence(decision, "BLOOD_PRODUCTS:atc:B05A", "atcCode"));
        assertEquals("Blod", evidence(decision, "BLOOD_PRODUCTS:mainGroup:Blod", "mainGroup").matched());
    }

    @Test
    void nothingFiredGivesOtherWithZeroConfidence() {
        TypeDecision decision = classify("Hændelse", "Se venligst vedhæftede.");
        assertEquals(IncidentType.OTHER, decision.type());
        assertEquals(0.0, decision.confidence());
        assertTrue(decision.evidence().isEmpty());
        assertEquals("OTHER (confidence 0.00): no rule fired", decision.explain());
    }

    @Test
    void aTieGivesOtherWithZeroConfidenceButKeepsTheCandidates() {
        TypeDecision decision = CLASSIFIER.classify(new IncidentText(null, null, null, List.of("V03AN01", "N02BE01"),
                List.of()));
        assertEquals(IncidentType.OTHER, decision.type());
        assertEquals(0.0, decision.confidence());
        assertEquals(Map.of(IncidentType.OXYGEN_GAS, 4.0, IncidentType.MEDICATION, 4.0), decision.scores());
    }

    @Test
    void confidenceGrowsWithTheMarginAndStaysWithinZeroAndOne() {
        TypeDecision clear = classify("Tryksår på hælen", "Kategori 2 tryksår, ikke vendt efter vendeskema.");
        TypeDecision close = CLASSIFIER.classify(new IncidentText("Tryksår", null, "Medicinering", List.of("N02BE01"),
                List.of()));
        assertTrue(clear.confidence() > 0.8 && clear.confidence() <= 1, clear.explain());
        assertTrue(close.confidence() < clear.confidence(), close.explain());
        assertTrue(close.confidence() >= 0);
    }

    @Test
    void negatedWordsAreRecordedAsNegatedEvidenceAndAddNothing() {
        TypeDecision decision = classify("Fald på gangen", "Patienten faldt. Ingen tegn på infektion.");
        Evidence negated = evidence(decision, "HEALTHCARE_ASSOCIATED_INFECTION:stem:infektion", "description");
        assertTrue(negated.negated());
        assertEquals(0.0, negated.weight());
        assertEquals("infektion", negated.matched());
        assertEquals(IncidentType.PATIENT_ACCIDENT_FALL, decision.type());
    }

    @Test
    void aPlainNegationDeniesAHarmButAnOmissionIsTheIncident() {
        // "faldt ikke"-style denial of a harm: the fall rule is negated.
        assertTrue(evidence(classify("", "Hun er ikke faldet ifølge nattevagten."), "PATIENT_ACCIDENT_FALL:stem:fald",
                "description").negated());
        // "aldrig booket": the booking that did not happen is the administrative incident.
        TypeDecision omission = classify("Kontrol aldrig booket", "Tiden blev aldrig booket.");
        assertFalse(evidence(omission, "CLINICAL_ADMINISTRATION:stem:booking", "description").negated());
        assertEquals(IncidentType.CLINICAL_ADMINISTRATION, omission.type());
    }

    @Test
    void aDenialNegatesEveryType() {
        // "fungerede korrekt" denies the pump (a process type that a plain "ikke" would not negate).
        TypeDecision decision = classify("", "Pumpen fungerede korrekt.");
        assertTrue(evidence(decision, "MEDICAL_DEVICE:stem:pumpe", "description").negated(), decision.explain());
    }

    @Test
    void caseSensitiveWordsTellTheBloodProductFromAMatter() {
        assertTrue(classify("", "Pt. fik 2 SAG over 1 time.").scores().containsKey(IncidentType.BLOOD_PRODUCTS));
        assertFalse(classify("", "Den sag er afsluttet. Sagen er lukket.").scores()
                .containsKey(IncidentType.BLOOD_PRODUCTS));
    }

    @Test
    void theFirstPartOfACompoundOnlyModifiesIt() {
        // "medicinkøleskab" is a fridge: "medicin" counts less than it would as a word of its own.
        Evidence modifier = evidence(classify("", "Medicinkøleskabet"), "MEDICATION:stem:medicin", "description");
        Evidence word = evidence(classify("", "Medicinen"), "MEDICATION:stem:medicin", "description");
        assertEquals(word.weight() * PhraseRules.defaults().compoundModifierWeight(), modifier.weight(), 1e-9);
    }

    @Test
    void shortStemsStayOutOfUnrelatedCompounds() {
        // "overset" stems to "overs", which must not find "oversigt" or "oversygeplejerske".
        assertFalse(classify("", "Oversygeplejersken lavede en oversigt").scores()
                .containsKey(IncidentType.CLINICAL_PROCESS));
    }

    @Test
    void thinEvidenceBelowTheMinimumScoreDecidesNothing() {
        TypeDecision decision = classify("", "Egen læge orienteret.");
        assertEquals(IncidentType.OTHER, decision.type());
        assertFalse(decision.scores().isEmpty(), "the weak candidate is still listed");
    }

    @Test
    void aPhraseThatContainsANegationStatesTheIncident() {
        TypeDecision decision = classify("Prøvesvar", "Prøvesvaret blev ikke fulgt op af lægen.");
        Evidence phrase = evidence(decision, "CLINICAL_PROCESS:phrase:ikke fulgt op", "description");
        assertFalse(phrase.negated());
        assertEquals(IncidentType.CLINICAL_PROCESS, decision.type());
    }

    @Test
    void compoundsMatchAtEitherEnd() {
        assertEquals("Infusionspumpen", evidence(classify("Infusionspumpen gik i stå", ""),
                "MEDICAL_DEVICE:stem:pumpe", "headline").matched());
        assertEquals("urinvejsinfektion", evidence(classify("", "Udviklede urinvejsinfektion"),
                "HEALTHCARE_ASSOCIATED_INFECTION:stem:infektion", "description").matched());
        assertEquals("faldrisiko", evidence(classify("", "Høj faldrisiko"),
                "PATIENT_ACCIDENT_FALL:stem:fald", "description").matched());
        assertEquals("tryksårsforebyggelse", evidence(classify("", "Manglende tryksårsforebyggelse"),
                "PRESSURE_ULCER:stem:tryksår", "description").matched());
        // A fall starts a compound, but a blood-pressure drop or a seizure only ends one.
        assertFalse(classify("", "Blodtryksfald og anfald").scores().containsKey(IncidentType.PATIENT_ACCIDENT_FALL));
    }

    @Test
    void oneMedicationWordInACompoundIsOnePieceOfEvidence() {
        TypeDecision decision = classify("Medicineringsfejl", "");
        assertEquals(1, decision.evidenceFor(IncidentType.MEDICATION).size(), decision.explain());
    }

    @Test
    void misspellingsOfLongStemsStillCount() {
        assertEquals(IncidentType.DOCUMENTATION, classify("Fejl i jounal", "Notat skrevet i forkert jounal.").type());
        assertEquals("infketion", evidence(classify("", "Mistanke om infketion"),
                "HEALTHCARE_ASSOCIATED_INFECTION:stem:infektion", "description").matched());
        // A real word one edit from a rule stem is not a misspelling of it.
        assertFalse(classify("", "Injektion givet").scores().containsKey(IncidentType.HEALTHCARE_ASSOCIATED_INFECTION));
    }

    @Test
    void idiomsThatOnlyLookLikeEvidenceAreIgnored() {
        assertFalse(classify("", "Patienten skulle i hvert fald have haft medicin")
                .scores().containsKey(IncidentType.PATIENT_ACCIDENT_FALL));
    }

    @Test
    void aFallAfterASedativeIsAFall() {
        TypeDecision decision = CLASSIFIER.classify(new IncidentText("Fald fra seng",
                "Pt. faldt ud af sengen om natten efter sovemedicin. Fundet på gulvet.", null, List.of("N05CF01"),
                List.of()));
        assertEquals(IncidentType.PATIENT_ACCIDENT_FALL, decision.type(), decision.explain());
        assertTrue(decision.scores().containsKey(IncidentType.MEDICATION), "the medicine stays a candidate");
    }

    @Test
    void aWronglyProgrammedPumpIsMedicationAndABrokenPumpIsADevice() {
        TypeDecision programmed = CLASSIFIER.classify(new IncidentText("Infusionspumpe programmeret forkert",
                "Pumpen var programmeret til 100 ml/t i stedet for 10 ml/t. Pumpen virkede fint.", null,
                List.of("B05BB01"), List.of("infusionspumpe")));
        assertEquals(IncidentType.MEDICATION, programmed.type(), programmed.explain());
        TypeDecision broken = CLASSIFIER.classify(new IncidentText("Infusionspumpe defekt",
                "Pumpen gik i stå midt i infusionen uden alarm.", null, List.of("B05BB01"), List.of("infusionspumpe")));
        assertEquals(IncidentType.MEDICAL_DEVICE, broken.type(), broken.explain());
    }
}
