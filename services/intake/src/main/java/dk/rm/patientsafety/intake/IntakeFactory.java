package dk.rm.patientsafety.intake;

import dk.rm.patientsafety.privacy.CprPseudonymiser;
import dk.rm.patientsafety.privacy.CprRedactor;
import dk.rm.patientsafety.privacy.ExternalAudienceRedactor;
import dk.rm.patientsafety.privacy.PseudonymKeys;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.Clock;

/** Wires intake's pipeline from configuration: the organisation register, limits, pseudonym keys and redaction rules. */
@Factory
public class IntakeFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    PrivacyGate privacyGate(PseudonymSettings settings, @Value("${intake.external-redaction-rules:}") String rulesPath) {
        if (settings.getCurrentKey() == null || settings.getKeys().isEmpty()) {
            throw new IllegalStateException("No pseudonym key configured: set intake.pseudonym.current-key and "
                    + "intake.pseudonym.keys.<id> (e.g. INTAKE_PSEUDONYM_CURRENT_KEY and INTAKE_PSEUDONYM_KEYS_<ID>)");
        }
        PseudonymKeys keys = PseudonymKeys.of(settings.getKeys(), settings.getCurrentKey());
        ExternalAudienceRedactor external = rulesPath.isBlank()
                ? ExternalAudienceRedactor.defaults()
                : ExternalAudienceRedactor.fromRules(Path.of(rulesPath));
        return new PrivacyGate(new CprPseudonymiser(keys), new CprRedactor(), external);
    }

    @Singleton
    IntakePipeline intakePipeline(OrganisationRegister register, IntakeLimits limits, PrivacyGate privacy, Clock clock) {
        return new IntakePipeline(new SubmissionValidator(register, limits, clock), privacy);
    }
}
