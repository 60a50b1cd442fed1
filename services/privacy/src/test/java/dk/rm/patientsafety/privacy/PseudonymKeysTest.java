package dk.rm.patientsafety.privacy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PseudonymKeysTest {

    static final String SECRET_2025 = base64("2025: a secret of at least 32 bytes...");
    static final String SECRET_2026 = base64("2026: another secret of 32+ bytes!!!");

    static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void listsTheCurrentKeyFirst() {
        PseudonymKeys keys = PseudonymKeys.of(Map.of("k2025", SECRET_2025, "k2026", SECRET_2026), "k2026");
        assertEquals("k2026", keys.currentId());
        assertEquals(List.of("k2026", "k2025"), keys.ids());
    }

    @Test
    void neverShowsASecretInToString() {
        PseudonymKeys keys = PseudonymKeys.of(Map.of("k2025", SECRET_2025, "k2026", SECRET_2026), "k2026");
        String text = keys + " " + new CprPseudonymiser(keys);
        assertEquals("PseudonymKeys[current=k2026, ids=[k2026, k2025]]", keys.toString());
        assertFalse(text.contains(SECRET_2025) || text.contains(SECRET_2026) || text.contains("secret"), text);
    }

    @Test
    void rejectsAShortSecretWithoutPrintingIt() {
        String shortSecret = base64("only 31 bytes, which is too few");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PseudonymKeys.of(Map.of("k1", shortSecret), "k1"));
        assertTrue(e.getMessage().contains("'k1' is 31 bytes; at least 32"), e.getMessage());
        assertFalse(e.getMessage().contains(shortSecret));
        assertFalse(e.getMessage().contains("too few"));
    }

    @Test
    void rejectsSomethingThatIsNotBase64WithoutQuotingIt() {
        String notBase64 = "this is not base64 but a password of some length!";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PseudonymKeys.of(Map.of("k1", notBase64), "k1"));
        assertEquals("pseudonym key 'k1' is not valid Base64", e.getMessage());
        assertNull(e.getCause(), "the JDK's message would quote a character of the secret");
    }

    @Test
    void acceptsTheUrlSafeAlphabet() {
        byte[] raw = new byte[48];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (0xFB + i);
        }
        String urlSafe = Base64.getUrlEncoder().encodeToString(raw);
        assertTrue(urlSafe.contains("-") || urlSafe.contains("_"));
        assertEquals("k1", PseudonymKeys.of(Map.of("k1", urlSafe), "k1").currentId());
    }

    @Test
    void rejectsACurrentKeyThatIsNotConfigured() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PseudonymKeys.of(Map.of("k2025", SECRET_2025), "k2026"));
        assertEquals("the current pseudonym key 'k2026' is not among the configured keys [k2025]", e.getMessage());
    }

    @Test
    void rejectsMissingKeysAndBadIds() {
        assertThrows(IllegalArgumentException.class, () -> PseudonymKeys.of(Map.of(), "k1"));
        assertThrows(IllegalArgumentException.class, () -> PseudonymKeys.of(null, "k1"));
        IllegalArgumentException colon = assertThrows(IllegalArgumentException.class,
                () -> PseudonymKeys.of(Map.of("k:1", SECRET_2025), "k:1"));
        assertTrue(colon.getMessage().contains("'k:1'"));
        Map<String, String> blank = new LinkedHashMap<>();
        blank.put("k1", " ");
        assertEquals("pseudonym key 'k1' has no secret",
                assertThrows(IllegalArgumentException.class, () -> PseudonymKeys.of(blank, "k1")).getMessage());
    }
}
