package dk.rm.patientsafety.taxonomy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FuzzyIndexTest {

    private final FuzzyIndex index = new FuzzyIndex(List.of("journal", "infektion", "dokumentation", "fald", "sepsis"), 6);

    @ParameterizedTest(name = "{0} is one edit from {1}")
    @CsvSource({
            "jounal, journal", "journnal, journal", "jounral, journal", "jorunal, journal", "journel, journal",
            "infeltion, infektion", "infketion, infektion", "dokumntation, dokumentation", "sebsis, sepsis"})
    void oneEditMisspellingsFindTheirStem(String misspelt, String stem) {
        assertEquals(Set.of(stem), index.near(misspelt));
    }

    @Test
    void shortStemsAreNeverMatchedLoosely() {
        // "fald" has four letters: one edit away are "fold", "felt"-like words that mean other things.
        assertTrue(index.near("fold").isEmpty());
        assertTrue(index.near("falt").isEmpty());
    }

    @Test
    void theFirstLetterMustAgreeAndTwoEditsAreTooMany() {
        assertTrue(index.near("sournal").isEmpty());
        assertTrue(index.near("jurnl").isEmpty());
    }

    @Test
    void withinOneEditCoversTheFourKindsOfTypo() {
        assertTrue(FuzzyIndex.withinOneEdit("fald", "fald"));
        assertTrue(FuzzyIndex.withinOneEdit("tryksar", "tryksaar"));
        assertTrue(FuzzyIndex.withinOneEdit("tryksaaar", "tryksaar"));
        assertTrue(FuzzyIndex.withinOneEdit("trykasar", "tryksaar"));
        assertTrue(FuzzyIndex.withinOneEdit("tryksaer", "tryksaar"));
        assertFalse(FuzzyIndex.withinOneEdit("trksar", "tryksaar"));
    }
}
