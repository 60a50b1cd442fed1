package dk.rm.patientsafety.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rm.patientsafety.events.IncidentSubmission;
import dk.rm.patientsafety.privacy.CprPseudonymiser;
import dk.rm.patientsafety.privacy.CprRedactor;
import dk.rm.patientsafety.privacy.ExternalAudienceRedactor;
import dk.rm.patientsafety.privacy.PseudonymKeys;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Valid reports to start from, and a pipeline wired like the service's, for intake's tests. */
final class Submissions {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY_2026 = Base64.getEncoder().encodeToString("a test key of at least 32 bytes!!".getBytes());

    private Submissions() {
    }

    static ObjectNode validJson(String sourceId) {
        try {
            return (ObjectNode) JSON.readTree("""
                    {"source": "dpsd", "sourceId": "%s",
                     "headline": "Fald på toilet", "description": "Patienten faldt om natten og slog hovedet.",
                     "eventDate": "2026-11-20", "eventTime": "03:10", "incidentLocation": "1309021000000",
                     "involvedLocations": [{"sorCode": "7511000000000", "role": "HANDED_OVER"}],
                     "actualConsequence": "MINOR", "possibleConsequence": "SERIOUS", "mainGroup": "Fald",
                     "medicines": [{"substance": "zopiclon", "atcCode": "N05CF01"}],
                     "reporterType": "HEALTH_PROFESSIONAL", "patientCpr": "010190-1234",
                     "reporter": {"name": "Anne Sygeplejerske", "email": "anne@rm.dk", "profession": "sygeplejerske"}}
                    """.formatted(sourceId));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static IncidentSubmission valid(String sourceId) {
        return new JsonSubmissionReader().read(validJson(sourceId)).submission();
    }

    static OrganisationRegister register() {
        return OrganisationRegister.load(Optional.empty());
    }

    static PrivacyGate privacy() {
        return new PrivacyGate(new CprPseudonymiser(PseudonymKeys.of(Map.of("k2026", KEY_2026), "k2026")), new CprRedactor(),
                ExternalAudienceRedactor.defaults());
    }

    static IntakePipeline pipeline() {
        return new IntakePipeline(new SubmissionValidator(register(), new IntakeLimits(), CLOCK), privacy());
    }
}
