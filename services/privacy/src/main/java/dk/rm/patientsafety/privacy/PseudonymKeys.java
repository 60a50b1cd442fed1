package dk.rm.patientsafety.privacy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** New pseudonyms use the current key; older keys stay so earlier pseudonyms still link up; no secret is ever shown. */
public final class PseudonymKeys {

    /** A secret shorter than the HMAC-SHA256 output would weaken the pseudonym. */
    public static final int MIN_SECRET_BYTES = 32;

    // The id is written into every pseudonym ("<id>:<mac>"), so it must not contain the colon and stays short.
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private final Map<String, byte[]> secrets;
    private final String currentId;

    private PseudonymKeys(Map<String, byte[]> secrets, String currentId) {
        this.secrets = secrets;
        this.currentId = currentId;
    }

    /**
     * @param base64Secrets key id to secret, the secret in Base64 (standard or URL-safe alphabet), at least 32 bytes
     * @param currentId     the id of the key new pseudonyms use
     * @throws IllegalArgumentException naming the key id and the problem, never the secret
     */
    public static PseudonymKeys of(Map<String, String> base64Secrets, String currentId) {
        if (base64Secrets == null || base64Secrets.isEmpty()) {
            throw new IllegalArgumentException("no pseudonym key configured");
        }
        Map<String, byte[]> secrets = new TreeMap<>();
        base64Secrets.forEach((id, secret) -> secrets.put(checkedId(id), decode(id, secret)));
        if (currentId == null || !secrets.containsKey(currentId)) {
            throw new IllegalArgumentException("the current pseudonym key '" + currentId + "' is not among the configured keys "
                    + secrets.keySet());
        }
        return new PseudonymKeys(Collections.unmodifiableMap(secrets), currentId);
    }

    public String currentId() {
        return currentId;
    }

    /** Every key id, the current one first, then the others in id order. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        ids.add(currentId);
        secrets.keySet().stream().filter(id -> !id.equals(currentId)).forEach(ids::add);
        return ids;
    }

    /** A copy, so no caller can change a key in place. */
    byte[] secret(String id) {
        byte[] secret = secrets.get(id);
        if (secret == null) {
            throw new IllegalArgumentException("unknown pseudonym key '" + id + "'");
        }
        return secret.clone();
    }

    @Override
    public String toString() {
        return "PseudonymKeys[current=" + currentId + ", ids=" + ids() + "]";
    }

    private static String checkedId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("pseudonym key id '" + id + "' must be 1-32 of A-Z a-z 0-9 _ . -");
        }
        return id;
    }

    private static byte[] decode(String id, String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("pseudonym key '" + id + "' has no secret");
        }
        String trimmed = secret.strip();
        byte[] bytes;
        try {
            boolean urlSafe = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0;
            bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(trimmed);
        } catch (IllegalArgumentException e) {
            // Not chained: the JDK's message quotes the offending character of the secret.
            throw new IllegalArgumentException("pseudonym key '" + id + "' is not valid Base64");
        }
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("pseudonym key '" + id + "' is " + bytes.length + " bytes; at least "
                    + MIN_SECRET_BYTES + " random bytes are needed (e.g. openssl rand -base64 32)");
        }
        return bytes;
    }
}
