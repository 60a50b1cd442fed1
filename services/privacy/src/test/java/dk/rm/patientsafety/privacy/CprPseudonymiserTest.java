package dk.rm.patientsafety.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dk.rm.patientsafety.privacy.PseudonymKeysTest.SECRET_2025;
import static dk.rm.patientsafety.privacy.PseudonymKeysTest.SECRET_2026;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CprPseudonymiserTest {

    private final CprPseudonymiser before = new CprPseudonymiser(PseudonymKeys.of(Map.of("k2025", SECRET_2025), "k2025"));
    private final CprPseudonymiser rotated = new CprPseudonymiser(
            PseudonymKeys.of(Map.of("k2025", SECRET_2025, "k2026", SECRET_2026), "k2026"));

    @Test
    void isTheKeyIdAndATruncatedHmacOfTheTenDigits() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET_2025), "HmacSHA256"));
        byte[] expected = Arrays.copyOf(mac.doFinal("0101901234".getBytes(StandardCharsets.US_ASCII)), 18);
        assertEquals("k2025:" + Base64.getUrlEncoder().withoutPadding().encodeToString(expected), before.pseudonymise("0101901234"));
        assertTrue(before.pseudonymise("0101901234").matches("k2025:[A-Za-z0-9_-]{24}"));
    }

    @Test
    void isStable() {
        CprPseudonymiser again = new CprPseudonymiser(PseudonymKeys.of(Map.of("k2025", SECRET_2025), "k2025"));
        assertEquals(before.pseudonymise("0101901234"), before.pseudonymise("0101901234"));
        assertEquals(before.pseudonymise("0101901234"), again.pseudonymise("0101901234"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"010190-1234", "010190 1234", "01.01.90-1234", "0101 90-1234", "01 01 90 1234", " 0101901234 ",
            "010190\u20131234", "\uFF10\uFF11\uFF10\uFF11\uFF19\uFF10\uFF0D\uFF11\uFF12\uFF13\uFF14"})
    void givesEveryWrittenFormOfOneNumberOnePseudonym(String written) {
        assertEquals(before.pseudonymise("0101901234"), before.pseudonymise(written));
    }

    @Test
    void differsBetweenPatientsAndBetweenKeys() {
        assertNotEquals(before.pseudonymise("0101901234"), before.pseudonymise("0201901234"));
        CprPseudonymiser sameIdOtherSecret = new CprPseudonymiser(PseudonymKeys.of(Map.of("k2025", SECRET_2026), "k2025"));
        assertNotEquals(before.pseudonymise("0101901234"), sameIdOtherSecret.pseudonymise("0101901234"));
        assertNotEquals(mac(before.pseudonymise("0101901234")), mac(rotated.pseudonymise("0101901234")));
    }

    @Test
    void usesTheCurrentKeyAfterARotationAndStillFindsOldPseudonyms() {
        String old = before.pseudonymise("010190-1234");
        String current = rotated.pseudonymise("010190-1234");
        assertTrue(current.startsWith("k2026:"));
        assertEquals(List.of(current, old), rotated.pseudonymsFor("0101901234"));
    }

    @Test
    void refusesWhatIsNotACprNumberWithoutRepeatingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> before.pseudonymise("321390-1234"));
        assertEquals("not a CPR number: it does not start with a date (DDMMYY)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> before.pseudonymsFor("hello"));
        assertThrows(IllegalArgumentException.class, () -> before.pseudonymise(null));
    }

    @Test
    void neverContainsTheNumber() {
        assertFalse(before.pseudonymise("0101901234").contains("0101901234"));
    }

    @Test
    void isSafeToShareBetweenThreads() {
        List<String> sequential = IntStream.range(0, 2000).mapToObj(i -> rotated.pseudonymise("%06d1234".formatted(10190 + i % 9 * 10000))).toList();
        List<String> parallel = IntStream.range(0, 2000).parallel()
                .mapToObj(i -> rotated.pseudonymise("%06d1234".formatted(10190 + i % 9 * 10000))).toList();
        assertEquals(sequential, parallel);
    }

    private static String mac(String pseudonym) {
        return pseudonym.substring(pseudonym.indexOf(':') + 1);
    }
}
