package dk.rm.patientsafety.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A CPR number becomes a keyed pseudonym, so reports about one patient link up without revealing who.
 *
 * <p>The pseudonym is {@code <keyId>:<base64url of the first 18 bytes of HMAC-SHA256(key, ten digits)>}: the CPR
 * number is normalised first, so every written form of one number gives one pseudonym. Without the key, the
 * pseudonym cannot be recomputed from the (small, guessable) space of CPR numbers. Thread-safe.
 */
public final class CprPseudonymiser {

    private static final String ALGORITHM = "HmacSHA256";
    // 144 bits: collisions are out of reach for any population, and 18 bytes encode to 24 characters without padding.
    private static final int PSEUDONYM_BYTES = 18;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final PseudonymKeys keys;

    public CprPseudonymiser(PseudonymKeys keys) {
        this.keys = keys;
        mac(keys.currentId()); // fails at start-up, not on the first report, if HMAC-SHA256 is unavailable
    }

    /**
     * The pseudonym under the current key.
     *
     * @param cpr a CPR number in any written form
     * @throws IllegalArgumentException if it is not a CPR number (the message says why, not what was given)
     */
    public String pseudonymise(String cpr) {
        return pseudonym(keys.currentId(), digits(cpr));
    }

    /**
     * The pseudonym of digits the redactor found in free text: a CPR number's ten digits when they are one, else the
     * digits as found (a run-on number), so the same writing always gives the same pseudonym.
     */
    public String pseudonymiseFound(String digits) {
        return pseudonym(keys.currentId(), CprNumbers.normalise(digits).orElse(digits));
    }

    /** The pseudonym under every known key, the current key's first, to find records made before a rotation. */
    public List<String> pseudonymsFor(String cpr) {
        String digits = digits(cpr);
        return keys.ids().stream().map(id -> pseudonym(id, digits)).toList();
    }

    /**
     * The pseudonym of a signed-in user's subject under the current key, so the audit trail links one submitter's
     * reports without naming the reporter. Domain-separated from CPR pseudonyms: no subject shares one with a patient.
     */
    public String pseudonymiseSubject(String subject) {
        byte[] mac = mac(keys.currentId()).doFinal(("subject\u0000" + subject).getBytes(StandardCharsets.UTF_8));
        return keys.currentId() + ":" + ENCODER.encodeToString(Arrays.copyOf(mac, PSEUDONYM_BYTES));
    }

    private String pseudonym(String keyId, String digits) {
        byte[] mac = mac(keyId).doFinal(digits.getBytes(StandardCharsets.US_ASCII));
        return keyId + ":" + ENCODER.encodeToString(Arrays.copyOf(mac, PSEUDONYM_BYTES));
    }

    // A new Mac per call: Mac is not thread-safe, and creating one costs microseconds next to a report's journey.
    private Mac mac(String keyId) {
        byte[] secret = keys.secret(keyId);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static String digits(String cpr) {
        CprNumbers.Parsed parsed = CprNumbers.parse(cpr);
        return parsed.digits().orElseThrow(() -> new IllegalArgumentException("not a CPR number: it "
                + parsed.problem().orElseThrow().message()));
    }

    @Override
    public String toString() {
        return "CprPseudonymiser[" + keys + "]";
    }
}
