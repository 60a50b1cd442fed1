package dk.rm.patientsafety.classifier;

import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentReported;

import java.time.Clock;
import java.util.List;

/** Turns a validated report into a classified incident, with an explanation for every decision. */
public final class IncidentClassifier {

    /** Bumped whenever a rule changes, so a replayed classification can be told apart. */
    public static final String VERSION = "severity-matrix/1";

    private final Clock clock;

    public IncidentClassifier(Clock clock) {
        this.clock = clock;
    }

    public IncidentClassified classify(IncidentReported report) {
        SeverityMatrix.Decision severity = SeverityMatrix.classify(report.getActualConsequence(), report.getPossibleConsequence());
        return IncidentClassified.newBuilder()
                .setReportId(report.getReportId())
                .setReport(report)
                .setOverallSeverity(severity.severity())
                .setClassifiedAt(clock.instant())
                .setClassifierVersion(VERSION)
                .setExplanations(List.of(severity.explanation()))
                .build();
    }
}
