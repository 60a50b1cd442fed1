package dk.rm.patientsafety.taxonomy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompoundWordsTest {

    private static String key(String word) {
        return DanishNormaliser.fold(word);
    }

    private static String stem(String word) {
        return DanishStemmer.stem(key(word));
    }

    @ParameterizedTest(name = "{1} starts {0}")
    @CsvSource({
            "medicineringsfejl, medicin", "medicineringsfejl, medicinering", "faldrisiko, fald",
            "tryksårsforebyggelse, tryksår", "infusionspumpen, infusion", "iltflasken, ilt", "pumpestation, pumpe"})
    void aStemStartsACompound(String word, String part) {
        assertTrue(CompoundWords.startsWith(key(word), stem(part)));
    }

    @ParameterizedTest(name = "{1} ends {0}")
    @CsvSource({
            "infusionspumpen, pumpe", "urinvejsinfektion, infektion", "sårinfektionen, infektion",
            "ernæringssonden, sonde", "hæltryksår, tryksår", "overdosering, dosering"})
    void aStemEndsACompound(String word, String part) {
        assertTrue(CompoundWords.endsWith(stem(word), stem(part)));
    }

    @Test
    void theOtherPartMustBeAWordNotASuffix() {
        // "medicinsk" is medicin + sk: an adjective, not a compound; "medicinske" is the same with a linking-looking -s-.
        assertFalse(CompoundWords.startsWith(key("medicinsk"), stem("medicin")));
        assertFalse(CompoundWords.startsWith(key("medicinske"), stem("medicin")));
        // "anfald" and "udfald" are not falls: their first part is too short.
        assertFalse(CompoundWords.endsWith(stem("anfald"), "fald"));
        assertFalse(CompoundWords.endsWith(stem("udfald"), "fald"));
        assertFalse(CompoundWords.startsWith(key("faldt"), "fald"));
    }

    @Test
    void theLinkingSDoesNotCountAsPartOfTheOtherWord() {
        // "infektions" + "us" would be too short once the linking -s- is dropped.
        assertFalse(CompoundWords.startsWith("infektionsus", "infektion"));
        assertTrue(CompoundWords.startsWith("infektionsrisiko", "infektion"));
    }
}
