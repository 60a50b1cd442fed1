package dk.rm.patientsafety.intake;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.HashMap;
import java.util.Map;

/**
 * The keys behind patient pseudonyms: {@code intake.pseudonym.keys.<id>} holds a base64 secret of at least
 * 32 bytes, {@code intake.pseudonym.current-key} names the one new pseudonyms use. Older keys stay listed
 * after a rotation so earlier pseudonyms can still be linked. Keep them out of the repository: in production
 * they come from the environment (e.g. {@code INTAKE_PSEUDONYM_KEYS_K2026}) or a secret store.
 */
@ConfigurationProperties("intake.pseudonym")
public class PseudonymSettings {

    private Map<String, String> keys = new HashMap<>();
    private String currentKey;

    public Map<String, String> getKeys() {
        return keys;
    }

    public void setKeys(Map<String, String> keys) {
        this.keys = keys;
    }

    public String getCurrentKey() {
        return currentKey;
    }

    public void setCurrentKey(String currentKey) {
        this.currentKey = currentKey;
    }
}
