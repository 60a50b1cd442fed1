package dk.rm.patientsafety.classifier;

import dk.rm.patientsafety.events.Explanation;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.MedicalDevice;
import dk.rm.patientsafety.events.Medicine;
import dk.rm.patientsafety.taxonomy.IncidentText;
import dk.rm.patientsafety.taxonomy.IncidentTypeClassifier;
import dk.rm.patientsafety.taxonomy.TypeDecision;

import java.util.List;
import java.util.Objects;

/** The incident type comes from the taxonomy module's rules over the structured fields and the Danish free text. */
public final class TaxonomyTypeRule implements IncidentTypeRule {

    private final IncidentTypeClassifier classifier;

    public TaxonomyTypeRule(IncidentTypeClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public Decision decide(IncidentReported report) {
        TypeDecision decision = classifier.classify(new IncidentText(report.getHeadline(), report.getDescription(), report.getMainGroup(),
                report.getMedicines().stream().map(Medicine::getAtcCode).filter(Objects::nonNull).toList(),
                report.getDevices().stream().map(MedicalDevice::getType).filter(Objects::nonNull).toList()));
        IncidentType type = IncidentType.valueOf(decision.type().name());
        // The evidence names rules and the matched words; the matched words come from text intake has already redacted.
        List<String> evidence = decision.evidence().stream()
                .map(e -> e.source() + ":" + e.matched() + (e.negated() ? " (negated)" : "") + " -> " + e.rule())
                .toList();
        return new Decision(type, Explanation.newBuilder()
                .setAspect("incidentType")
                .setRule("IncidentTypeClassifier -> " + type)
                .setEvidence(evidence)
                .setConfidence(decision.confidence())
                .build());
    }
}
