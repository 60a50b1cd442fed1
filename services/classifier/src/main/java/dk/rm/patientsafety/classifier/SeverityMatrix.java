package dk.rm.patientsafety.classifier;

import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.Explanation;
import dk.rm.patientsafety.events.OverallSeverity;

import java.util.List;

/** Overall severity follows from actual × possible consequence, as the national case form derives it. */
public final class SeverityMatrix {

    /** The overall severity and the rule that gave it. */
    public record Decision(OverallSeverity severity, Explanation explanation) {
    }

    private SeverityMatrix() {
    }

    public static Decision classify(Consequence actual, Consequence possible) {
        OverallSeverity severity = severity(actual, possible);
        Explanation explanation = Explanation.newBuilder()
                .setAspect("overallSeverity")
                .setRule("SeverityMatrix: actual " + actual + " x possible " + possible + " -> " + severity)
                .setEvidence(List.of("actualConsequence=" + actual, "possibleConsequence=" + possible))
                .build();
        return new Decision(severity, explanation);
    }

    static OverallSeverity severity(Consequence actual, Consequence possible) {
        switch (actual) {
            case FATAL:
                return OverallSeverity.FATAL_CONSEQUENCE;
            case SERIOUS:
                return OverallSeverity.SERIOUS_CONSEQUENCE;
            case MINOR:
                // The possible consequence is at least the actual one, so an unknown or lower possible counts as minor.
                return isSeriousOrFatal(possible) ? OverallSeverity.SERIOUS_PATIENT_SAFETY_RISK : OverallSeverity.MINOR_CONSEQUENCE;
            default: // NONE and UNKNOWN are one row of the matrix
                if (isSeriousOrFatal(possible)) {
                    return OverallSeverity.SERIOUS_PATIENT_SAFETY_RISK;
                }
                // Nothing happened and nobody said what could have: a caseworker must decide, the matrix cannot.
                return possible == Consequence.UNKNOWN ? OverallSeverity.UNDETERMINED : OverallSeverity.NO_CONSEQUENCE;
        }
    }

    private static boolean isSeriousOrFatal(Consequence consequence) {
        return consequence == Consequence.SERIOUS || consequence == Consequence.FATAL;
    }
}
