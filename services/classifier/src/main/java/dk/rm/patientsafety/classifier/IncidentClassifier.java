package dk.rm.patientsafety.classifier;

import dk.rm.patientsafety.events.ClassificationOverride;
import dk.rm.patientsafety.events.DecidedBy;
import dk.rm.patientsafety.events.Explanation;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentReported;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a validated report into a classified incident, with an explanation for every decision; a caseworker's
 * override, when there is one, wins over the automatic decision for the fields it sets.
 */
public final class IncidentClassifier {

    /** Bumped whenever a rule changes, so a replayed classification can be told apart. */
    public static final String VERSION = "classifier/2";

    private final IncidentTypeRule typeRule;
    private final SacMatrix sacMatrix;
    private final ResponsibleUnitRouter router;
    private final CrossSectorRule crossSector;
    private final Clock clock;

    public IncidentClassifier(IncidentTypeRule typeRule, SacMatrix sacMatrix, ResponsibleUnitRouter router, CrossSectorRule crossSector, Clock clock) {
        this.typeRule = typeRule;
        this.sacMatrix = sacMatrix;
        this.router = router;
        this.crossSector = crossSector;
        this.clock = clock;
    }

    public IncidentClassified classify(IncidentReported report) {
        return classify(report, null);
    }

    public IncidentClassified classify(IncidentReported report, ClassificationOverride override) {
        List<Explanation> explanations = new ArrayList<>();
        SeverityMatrix.Decision severity = SeverityMatrix.classify(report.getActualConsequence(), report.getPossibleConsequence());
        explanations.add(severity.explanation());
        IncidentTypeRule.Decision type = typeRule.decide(report);
        explanations.add(type.explanation());
        Optional<SacMatrix.Decision> sac = sacMatrix.score(report.getActualConsequence(), report.getPossibleConsequence(), type.type());
        sac.ifPresent(decision -> explanations.add(decision.explanation()));
        ResponsibleUnitRouter.Routing routing = router.route(report);
        explanations.add(routing.explanation());
        CrossSectorRule.Decision sectors = crossSector.decide(report);
        explanations.add(sectors.explanation());

        IncidentClassified.Builder classified = IncidentClassified.newBuilder()
                .setReportId(report.getReportId())
                .setReport(report)
                .setOverallSeverity(severity.severity())
                .setIncidentType(type.type())
                .setSacScore(sac.map(SacMatrix.Decision::score).orElse(null))
                .setResponsibleUnit(routing.responsibleUnit())
                .setRecipients(routing.recipients())
                .setCrossSector(sectors.crossSector())
                .setSectors(sectors.sectors())
                .setClassifiedAt(clock.instant())
                .setClassifierVersion(VERSION)
                .setDecidedBy(DecidedBy.AUTOMATIC)
                .setOverride(null);
        if (override != null) {
            applyOverride(classified, override, explanations);
        }
        return classified.setExplanations(explanations).build();
    }

    /** The caseworker has the final word on every field the override sets; the automatic reasons stay for comparison. */
    private static void applyOverride(IncidentClassified.Builder classified, ClassificationOverride override, List<Explanation> explanations) {
        List<String> changed = new ArrayList<>();
        if (override.getIncidentType() != null) {
            classified.setIncidentType(override.getIncidentType());
            changed.add("incidentType=" + override.getIncidentType());
        }
        if (override.getOverallSeverity() != null) {
            classified.setOverallSeverity(override.getOverallSeverity());
            changed.add("overallSeverity=" + override.getOverallSeverity());
        }
        if (override.getSacScore() != null) {
            classified.setSacScore(override.getSacScore());
            changed.add("sacScore=" + override.getSacScore());
        }
        classified.setDecidedBy(DecidedBy.CASEWORKER).setOverride(override);
        explanations.add(Explanation.newBuilder()
                .setAspect("override")
                .setRule("Caseworker override " + override.getOverrideId() + " by " + override.getCaseworker())
                .setEvidence(changed).setConfidence(1.0).build());
    }
}
