package dk.rm.patientsafety.taxonomy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructuredFieldRulesTest {

    private final StructuredFieldRules rules = StructuredFieldRules.defaults();

    private static IncidentText fields(String mainGroup, List<String> atc, List<String> devices) {
        return new IncidentText(null, null, mainGroup, atc, devices);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "N02BE01, MEDICATION", "B01AB01, MEDICATION", "B01AC06, MEDICATION", "B05BB01, MEDICATION",
            "B05AA01, BLOOD_PRODUCTS", "B05AX, BLOOD_PRODUCTS", "V03AN01, OXYGEN_GAS", "V03AB, MEDICATION",
            "'n02 be01', MEDICATION"})
    void atcCodesCountForTheTypeOfTheirLongestPrefix(String code, IncidentType type) {
        assertEquals(type, rules.atcType(code));
    }

    @Test
    void malformedAtcCodesAreIgnored() {
        assertNull(rules.atcType("paracetamol"));
        assertNull(rules.atcType("12345"));
        assertTrue(rules.evidence(fields(null, List.of("Panodil"), null)).isEmpty());
    }

    @Test
    void severalCodesOfOneRuleAreOnePieceOfEvidence() {
        List<Evidence> evidence = rules.evidence(fields(null, List.of("N02BE01", "N05CF01", "B05AA01"), null));
        assertEquals(List.of(
                new Evidence("MEDICATION:atc:*", "atcCode", "N02BE01, N05CF01", 4, false),
                new Evidence("BLOOD_PRODUCTS:atc:B05A", "atcCode", "B05AA01", 4, false)), evidence);
    }

    @Test
    void aDeviceIsWeakerEvidenceThanAnAtcCode() {
        Evidence device = rules.evidence(fields(null, null, List.of("infusionspumpe"))).get(0);
        assertEquals(new Evidence("MEDICAL_DEVICE:device:*", "device", "infusionspumpe", 1.5, false), device);
        assertTrue(device.weight() < rules.evidence(fields(null, List.of("B01AB01"), null)).get(0).weight());
    }

    @Test
    void mainGroupNamesMatchWhateverTheirCaseAndInflection() {
        assertEquals(List.of(new Evidence("HEALTHCARE_ASSOCIATED_INFECTION:mainGroup:Infektioner", "mainGroup",
                "INFEKTION", 2, false)), rules.evidence(fields("INFEKTION", null, null)));
        assertEquals(IncidentType.PRESSURE_ULCER, rules.evidence(fields("tryksaar", null, null)).get(0).type());
        assertEquals(IncidentType.CLINICAL_ADMINISTRATION,
                rules.evidence(fields("Sektorovergange / Kommunikation", null, null)).get(0).type());
    }

    @Test
    void aMainGroupNamingSeveralGroupsSplitsItsWeight() {
        List<Evidence> evidence = rules.evidence(fields("Medicin – Udstyr – Stråling", null, null));
        assertEquals(List.of(
                new Evidence("MEDICATION:mainGroup:Medicin", "mainGroup", "Medicin – Udstyr – Stråling", 1, false),
                new Evidence("MEDICAL_DEVICE:mainGroup:Udstyr", "mainGroup", "Medicin – Udstyr – Stråling", 1, false)),
                evidence);
    }

    @Test
    void anUnknownMainGroupIsNoEvidence() {
        assertTrue(rules.evidence(fields("Stråling", null, null)).isEmpty());
    }

    private static String error(String json) {
        return assertThrows(RuleFileException.class, () -> StructuredFieldRules.load(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "structured.json")).getMessage();
    }

    @Test
    void ruleFileErrorsNameTheEntry() {
        String device = "\"device\": {\"type\": \"MEDICAL_DEVICE\"}, \"mainGroups\": {\"groups\": []}";
        assertTrue(error("{\"atc\": {\"rules\": [{\"prefix\": \"*\", \"type\": \"DRUGS\"}]}, " + device + "}")
                .startsWith("structured.json: atc.rules[0]: unknown type \"DRUGS\" (known: [MEDICATION,"));
        assertEquals("structured.json: atc.rules[0]: \"B0\" is not the start of an ATC code",
                error("{\"atc\": {\"rules\": [{\"prefix\": \"B0\", \"type\": \"MEDICATION\"}]}, " + device + "}"));
        assertEquals("structured.json: atc.rules[1]: prefix \"b01\" is listed twice",
                error("{\"atc\": {\"rules\": [{\"prefix\": \"B01\", \"type\": \"MEDICATION\"}, {\"prefix\": \"b01\", "
                        + "\"type\": \"BLOOD_PRODUCTS\"}]}, " + device + "}"));
        assertEquals("structured.json: mainGroups.groups[1]: the name \"fald\" is already listed for "
                        + "PATIENT_ACCIDENT_FALL (as \"Fald\")",
                error("{\"atc\": {\"rules\": [{\"prefix\": \"*\", \"type\": \"MEDICATION\"}]}, \"device\": {\"type\": "
                        + "\"MEDICAL_DEVICE\"}, \"mainGroups\": {\"groups\": [{\"type\": \"PATIENT_ACCIDENT_FALL\", "
                        + "\"names\": [\"Fald\"]}, {\"type\": \"BEHAVIOUR\", \"names\": [\"fald\"]}]}}"));
    }
}
