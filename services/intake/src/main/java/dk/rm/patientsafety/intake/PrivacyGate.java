package dk.rm.patientsafety.intake;

import dk.rm.patientsafety.privacy.CprNumbers;
import dk.rm.patientsafety.privacy.CprPseudonymiser;
import dk.rm.patientsafety.privacy.CprRedactor;
import dk.rm.patientsafety.privacy.ExternalAudienceRedactor;

/**
 * Nothing personal passes intake: a structured CPR number becomes a keyed pseudonym, CPR numbers in free text
 * become a token, and the texts for audiences outside the hospital also lose names, phones, e-mails, dates
 * and addresses.
 */
public final class PrivacyGate {

    private final CprPseudonymiser pseudonymiser;
    private final CprRedactor cprRedactor;
    private final ExternalAudienceRedactor externalRedactor;

    public PrivacyGate(CprPseudonymiser pseudonymiser, CprRedactor cprRedactor, ExternalAudienceRedactor externalRedactor) {
        this.pseudonymiser = pseudonymiser;
        this.cprRedactor = cprRedactor;
        this.externalRedactor = externalRedactor;
    }

    /** The patient's pseudonym, or null when no (valid) CPR number was given; validation has rejected invalid ones. */
    public String pseudonym(String patientCpr) {
        return patientCpr == null ? null : CprNumbers.normalise(patientCpr).map(pseudonymiser::pseudonymise).orElse(null);
    }

    /** The submitter's pseudonym, or null for a path without a signed-in submitter. */
    public String submitter(String subject) {
        return subject == null ? null : pseudonymiser.pseudonymiseSubject(subject);
    }

    /** Text for the reporting hospital's own caseworkers: CPR numbers replaced, everything else kept. */
    public String internal(String text) {
        return text == null ? null : cprRedactor.redact(text).text();
    }

    /**
     * An identifier (source, source id) with any CPR number in it replaced by that number's pseudonym. Redacting it to a
     * token would make two reports' ids equal; the pseudonym keeps them apart, and the same id stable.
     */
    public String identifier(String text) {
        return text == null ? null : cprRedactor.replace(text, digits -> "[CPR:" + pseudonymiser.pseudonymiseFound(digits) + "]").text();
    }

    /** Text for audiences outside the reporting hospital. */
    public String external(String text) {
        return text == null ? null : externalRedactor.redact(text).text();
    }
}
