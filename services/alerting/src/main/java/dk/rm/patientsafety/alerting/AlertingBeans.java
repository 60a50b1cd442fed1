package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Who alerts go to and when they escalate, from configuration. */
@Factory
public class AlertingBeans {

    @Singleton
    RecipientDirectory recipientDirectory(@Value("${alerting.recipients:}") String path, OrganisationRegister register) {
        return RecipientDirectory.load(path.isBlank() ? Optional.empty() : Optional.of(Path.of(path)), register);
    }

    @Singleton
    AlertRecipients alertRecipients(RecipientDirectory directory, OrganisationRegister register) {
        return new AlertRecipients(directory, register);
    }

    @Singleton
    AlertMessages alertMessages(OrganisationRegister register,
                                @Value("${alerting.alert-link:http://localhost:8082/api/v1/alerts/{alertId}}") String linkTemplate) {
        return new AlertMessages(register, linkTemplate);
    }

    @Singleton
    EscalationRule escalationRule(@Value("${alerting.escalation.fatal-consequence:15m}") Duration fatal,
                                  @Value("${alerting.escalation.serious-consequence:1h}") Duration serious,
                                  @Value("${alerting.escalation.serious-patient-safety-risk:4h}") Duration risk,
                                  @Value("${alerting.escalation.other:3d}") Duration other) {
        return new EscalationRule(Map.of(OverallSeverity.FATAL_CONSEQUENCE, fatal, OverallSeverity.SERIOUS_CONSEQUENCE, serious,
                OverallSeverity.SERIOUS_PATIENT_SAFETY_RISK, risk), other);
    }
}
