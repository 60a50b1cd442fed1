package dk.rm.patientsafety.classifier;

import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.OverallSeverity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeverityMatrixTest {

    @ParameterizedTest(name = "actual {0} x possible {1} -> {2}")
    @CsvSource({
            // none/unknown actual: the possible consequence decides
            "NONE,    NONE,     NO_CONSEQUENCE",
            "NONE,    MINOR,    NO_CONSEQUENCE",
            "UNKNOWN, NONE,     NO_CONSEQUENCE",
            "UNKNOWN, MINOR,    NO_CONSEQUENCE",
            "NONE,    SERIOUS,  SERIOUS_PATIENT_SAFETY_RISK",
            "NONE,    FATAL,    SERIOUS_PATIENT_SAFETY_RISK",
            "UNKNOWN, SERIOUS,  SERIOUS_PATIENT_SAFETY_RISK",
            "UNKNOWN, FATAL,    SERIOUS_PATIENT_SAFETY_RISK",
            "NONE,    UNKNOWN,  UNDETERMINED",
            "UNKNOWN, UNKNOWN,  UNDETERMINED",
            // minor actual
            "MINOR,   MINOR,    MINOR_CONSEQUENCE",
            "MINOR,   NONE,     MINOR_CONSEQUENCE",
            "MINOR,   UNKNOWN,  MINOR_CONSEQUENCE",
            "MINOR,   SERIOUS,  SERIOUS_PATIENT_SAFETY_RISK",
            "MINOR,   FATAL,    SERIOUS_PATIENT_SAFETY_RISK",
            // serious and fatal actual: the possible consequence does not matter
            "SERIOUS, UNKNOWN,  SERIOUS_CONSEQUENCE",
            "SERIOUS, MINOR,    SERIOUS_CONSEQUENCE",
            "SERIOUS, FATAL,    SERIOUS_CONSEQUENCE",
            "FATAL,   UNKNOWN,  FATAL_CONSEQUENCE",
            "FATAL,   NONE,     FATAL_CONSEQUENCE",
            "FATAL,   FATAL,    FATAL_CONSEQUENCE",
    })
    void derivesOverallSeverityFromTheNationalMatrix(Consequence actual, Consequence possible, OverallSeverity expected) {
        SeverityMatrix.Decision decision = SeverityMatrix.classify(actual, possible);
        assertEquals(expected, decision.severity());
        assertTrue(decision.explanation().getRule().contains(expected.name()), "explanation names the outcome");
        assertTrue(decision.explanation().getEvidence().contains("actualConsequence=" + actual));
    }
}
