package dk.rm.patientsafety.taxonomy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DanishStemmerTest {

    private static String stem(String word) {
        return DanishStemmer.stem(DanishNormaliser.fold(word));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // Verb forms of "falde": past tense -t (dt → d), participle -et, present participle -ende, present -er.
            "faldt, fald", "faldet, fald", "faldende, fald", "falder, fald", "falde, fald",
            "væltede, vaelt", "væltet, vaelt", "vælter, vaelt",
            // Noun forms: definite -en/-et, plural -er/-e, definite plural -erne/-ene, genitive -s.
            "tabletten, tablet", "tabletter, tablet", "tabletterne, tablet", "infektioner, infektion",
            "infektionen, infektion", "infektionens, infektion", "patientens, patient", "journalen, journal",
            "pumperne, pump", "pumpen, pump", "pumpe, pump",
            // Derivational -els, -lig and undoubling.
            "udskrivelse, udskriv", "voldelig, vold", "ordineret, ordin", "ordinerede, ordin"})
    void stripsInflectionalSuffixes(String word, String stem) {
        assertEquals(stem, stem(word));
    }

    @ParameterizedTest(name = "{0} stays {0}")
    @CsvSource({"sepsis", "dosis", "ilt", "fald", "gled", "mrsa", "status"})
    void leavesWordsWithoutAStrippableSuffix(String word) {
        assertEquals(DanishNormaliser.fold(word), stem(word));
    }

    @ParameterizedTest(name = "{0} keeps three letters")
    @CsvSource({"sagt, sagt", "ilten, ilt", "sagen, sag", "are, are"})
    void keepsAtLeastThreeLettersInFront(String word, String stem) {
        assertEquals(stem, stem(word));
    }
}
