package dk.rm.patientsafety.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExternalAudienceRedactorTest {

    private static final ExternalAudienceRedactor DEFAULTS = ExternalAudienceRedactor.defaults();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // rule             | text                                                              | expected
            "email              | Svar sendt til anne.hansen@rm.dk i går.                           | Svar sendt til [E-MAIL] i går.",
            "email              | Kontakt: kvalitet+uth@auh.rm.dk, tak.                             | Kontakt: [E-MAIL], tak.",
            "phone-dk           | Vagtlægen blev ringet op på 12 34 56 78.                          | Vagtlægen blev ringet op på [TELEFON].",
            "phone-dk           | Ring 7845 1234 eller +45 22334455 eller 0045 2233 4455.           | Ring [TELEFON] eller [TELEFON] eller [TELEFON].",
            "phone-dk           | Datter (tlf. 20119012) var til stede.                             | Datter (tlf. [TELEFON]) var til stede.",
            "date               | Indlagt 12.03.2024 og udskrevet 14.3.24.                          | Indlagt [DATO] og udskrevet [DATO].",
            "date               | Faldt 12/3 og igen 12/3-24 og d. 4/5.                             | Faldt [DATO] og igen [DATO] og d. [DATO].",
            "date               | Opereret 12. marts 2024, kontrol 3 jan. og 2024-04-01.            | Opereret [DATO], kontrol [DATO] og [DATO].",
            "date               | Siden den 14. marts.                                              | Siden den [DATO].",
            "address            | Pt. bor på Nørregade 12, 1. th, 8000 Aarhus C alene.              | Pt. bor på [ADRESSE] alene.",
            "address            | Kørt til H.C. Andersens Boulevard 12 fra Søndre Ringvej 4B.       | Kørt til [ADRESSE] fra [ADRESSE].",
            "address            | Bor på Strandvejen 101, st. tv. med sin hustru.                   | Bor på [ADRESSE] med sin hustru.",
            "staff-title-name   | Sygeplejerske Hansen ringede til vagtlægen.                       | Sygeplejerske [NAVN] ringede til vagtlægen.",
            "staff-title-name   | Spl. Mette Hansen og overlæge Jens Peter Juul-Jensen kom.         | Spl. [NAVN] og overlæge [NAVN] kom.",
            "staff-title-name   | SSA KLJ gav dr. M. Hansen besked; portør Ole kom.                 | SSA [NAVN] gav dr. [NAVN] besked; portør [NAVN] kom.",
            "staff-title-name   | Jordemoder Åse Ørsted og reservelæge Ærø tilså barnet.            | Jordemoder [NAVN] og reservelæge [NAVN] tilså barnet.",
            "staff-title-name   | Afdelingslægen: Birgitte Sørensen ordinerede.                     | Afdelingslægen: [NAVN] ordinerede.",
            "person-title-name  | Fru Jensen (pt. Kirsten Jensen) faldt.                            | Fru [NAVN] (pt. [NAVN]) faldt.",
            "person-title-name  | Pårørende Lars Nielsen blev orienteret.                           | Pårørende [NAVN] blev orienteret.",
            "cpr                | Pt. (cpr 010190-1234) faldt.                                      | Pt. (cpr [CPR]) faldt."})
    void removesWhatEachRuleIsFor(String rule, String text, String expected) {
        Redaction redaction = DEFAULTS.redact(text);
        assertEquals(expected, redaction.text());
        assertTrue(redaction.count(rule) > 0, rule + " did the work: " + redaction.counts());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Der blev tilkaldt læge. Patienten fik 1/2 tablet og VAS 8/10.",
            "SOR 1309011000000, dosis 10 mg kl. 22.40 og kl. 22:40, ATC N02BE01.",
            "BT 120/80, GCS 15/15, saturation 94 %, 2 x 500 mg.",
            "Hb 7,4 mmol/l og CRP 45 ved indlæggelsen.",
            "Patienten blev flyttet fra stue 12 til stue 4 på afsnit B3.",
            "Fik 2 ml i.v. over 3 timer. Han klagede over smerter.",
            "Luftvejen blev sikret af anæstesien uden problemer.",
            "Behandlet i 3 dage med paracetamol 1 g x 4."})
    void keepsTheRestOfTheTextUseful(String text) {
        Redaction redaction = DEFAULTS.redact(text);
        assertEquals(text, redaction.text());
        assertEquals(0, redaction.replaced());
    }

    @Test
    void countsWhatEachRuleRemovedInTheOrderTheyRan() {
        Redaction redaction = DEFAULTS.redact("Sygeplejerske Hansen ringede 010190-1234 op på 12 34 56 78 og skrev til "
                + "anne@rm.dk og bent@rm.dk d. 12.03.2024.");
        assertEquals(Map.of("cpr", 1, "email", 2, "phone-dk", 1, "date", 1, "address", 0, "staff-title-name", 1,
                "person-title-name", 0, "staff-names", 0), redaction.counts());
        assertEquals(List.of("cpr", "email", "phone-dk", "date", "address", "staff-title-name", "person-title-name", "staff-names"),
                List.copyOf(redaction.counts().keySet()));
        assertEquals(6, redaction.replaced());
    }

    @Test
    void redactsCprNumbersFirstWhateverTheRuleFileSays() {
        ExternalAudienceRedactor onlyEmail = ExternalAudienceRedactor.fromRules(stream("""
                {"rules": [{"name": "email", "pattern": "\\\\S+@\\\\S+", "replacement": "[E-MAIL]"}]}"""), "test");
        Redaction redaction = onlyEmail.redact("cpr 0101901234, a@b.dk");
        assertEquals("cpr [CPR], [E-MAIL]", redaction.text());
        assertEquals(Map.of("cpr", 1, "email", 1), redaction.counts());
    }

    @Test
    void removesKnownNamesAsWholeWordsInAnyCase() {
        ExternalAudienceRedactor withNames = ExternalAudienceRedactor.fromRules(stream("""
                {"rules": [{"name": "staff-names", "names": ["Anne", "Mette  Hansen", "Søren Ørum"], "replacement": "[NAVN]"}]}"""), "test");
        Redaction redaction = withNames.redact("ANNE og mette hansen talte med Søren\u00A0Ørum; Annette og Hanne blev.");
        assertEquals("[NAVN] og [NAVN] talte med [NAVN]; Annette og Hanne blev.", redaction.text());
        assertEquals(3, redaction.count("staff-names"));
    }

    @Test
    void replacesOnlyTheRedactGroupWhenThereIsOne() {
        ExternalAudienceRedactor rule = ExternalAudienceRedactor.fromRules(stream("""
                {"rules": [{"name": "initials", "pattern": "init\\\\. (?<redact>[A-Z]{2,4})", "replacement": "[INIT]"}]}"""), "test");
        assertEquals("init. [INIT] og init. [INIT]", rule.redact("init. ABC og init. XY").text());
    }

    @Test
    void staysFastOnLongTexts() {
        String text = ("Spl. Mette Hansen ringede 12 34 56 78 til Nørregade 12, 1. th, d. 12.03.2024 om pt. 010190-1234; "
                + "SOR 1309011000000, 10 mg kl. 22:40. Han Anders Bent Carl Dorte Erik Fie Gustav Hans Ida Jens ").repeat(2_000);
        Redaction redaction = assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> DEFAULTS.redact(text));
        assertEquals(2_000, redaction.count("cpr"));
        assertEquals(2_000, redaction.count("address"));
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
