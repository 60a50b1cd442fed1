package dk.rm.patientsafety.delivery;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The signature a webhook carries: {@code sha256=} and the hex HMAC-SHA256, under the subscriber's secret, of
 * {@code <event id>.<unix seconds>.<body>}. A receiver recomputes it, compares in constant time, and refuses a timestamp
 * older than a few minutes, so a captured request cannot be replayed later or for another event.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Patientsafety-Signature";
    public static final String EVENT_ID_HEADER = "X-Patientsafety-Event-Id";
    public static final String TIMESTAMP_HEADER = "X-Patientsafety-Timestamp";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    public static String sign(String secret, String eventId, long unixSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((eventId + "." + unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** What a receiver does: the signature must match, compared in constant time. */
    public static boolean verify(String secret, String eventId, long unixSeconds, String body, String signature) {
        return signature != null && MessageDigest.isEqual(sign(secret, eventId, unixSeconds, body).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
