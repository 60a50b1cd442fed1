package dk.rm.patientsafety.classifier;

import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.taxonomy.IncidentTypeClassifier;
import dk.rm.patientsafety.taxonomy.PhraseRules;
import dk.rm.patientsafety.taxonomy.StructuredFieldRules;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Wires the classifier's rules from configuration: phrase rules, SAC matrix and organisation register. */
@Factory
public class ClassifierFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    IncidentClassifier incidentClassifier(OrganisationRegister register, Clock clock,
                                          @Value("${classifier.sac-matrix:}") String sacMatrix,
                                          @Value("${classifier.phrase-rules:}") String phraseRules) {
        IncidentTypeClassifier types = phraseRules.isBlank() ? IncidentTypeClassifier.defaults()
                : new IncidentTypeClassifier(PhraseRules.load(Path.of(phraseRules)), StructuredFieldRules.defaults());
        return new IncidentClassifier(new TaxonomyTypeRule(types), SacMatrix.load(optional(sacMatrix)),
                new ResponsibleUnitRouter(register), new CrossSectorRule(register), clock);
    }

    private static Optional<Path> optional(String path) {
        return path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
    }
}
