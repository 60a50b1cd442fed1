package dk.rm.patientsafety.privacy;

import dk.rm.patientsafety.privacy.CprNumbers.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CprNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"0101901234", "010190-1234", "010190 1234", "010190.1234", "01 01 90 1234", "01.01.90-1234",
            "0101 90-1234", "010190\u20131234", "010190\u20141234", "010190\u00A01234", "010190\u20091234", "010190 - 1234",
            "  010190-1234 ", "\t0101901234\r\n", "\uFF10\uFF11\uFF10\uFF11\uFF19\uFF10\uFF0D\uFF11\uFF12\uFF13\uFF14",
            "010190/1234", "010190_1234", "010190--1234", "010190     1234", "010190\u200B1234", "\u200B010190-1234\uFEFF",
            "01011990-1234", "01.01.1990 1234", "010119901234", "01/01/1990 - 1234"})
    void normalisesEveryWrittenFormToTenDigits(String field) {
        assertEquals(Optional.of("0101901234"), CprNumbers.normalise(field));
        assertTrue(CprNumbers.looksLikeCpr(field));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                | BLANK",
            "'   '             | BLANK",
            "CPR 010190-1234   | UNEXPECTED_CHARACTER",
            "010190-1234x      | UNEXPECTED_CHARACTER",
            "-010190-1234      | UNEXPECTED_CHARACTER",
            "010190 = 1234     | UNEXPECTED_CHARACTER",
            "01012190-1234     | MISPLACED_SEPARATOR",
            "010190-123        | WRONG_LENGTH",
            "0101901234567     | WRONG_LENGTH",
            "1309011000000     | WRONG_LENGTH",
            "12345678          | WRONG_LENGTH",
            "321390-1234       | NOT_A_DATE",
            "001090-1234       | NOT_A_DATE",
            "011390-1234       | NOT_A_DATE",
            "01019-01234       | MISPLACED_SEPARATOR",
            "010 190 1234      | MISPLACED_SEPARATOR",
            "01 01 90 12 34    | MISPLACED_SEPARATOR"})
    void saysWhyAFieldIsNotACprNumber(String field, Problem problem) {
        CprNumbers.Parsed parsed = CprNumbers.parse(field);
        assertEquals(Optional.of(problem), parsed.problem());
        assertEquals(Optional.empty(), parsed.digits());
        assertFalse(CprNumbers.looksLikeCpr(field));
        if (!field.isBlank()) {
            assertFalse(problem.message().contains(field.strip()), "messages never echo the value");
        }
    }

    @Test
    void treatsNullAsBlank() {
        assertEquals(Optional.of(Problem.BLANK), CprNumbers.parse(null).problem());
    }

    @Test
    void acceptsNumbersThatFailModulus11() {
        assertEquals(Optional.of("0101901235"), CprNumbers.normalise("010190-1235"));
    }

    @Test
    void keepsTheDigitsOutOfToString() {
        assertFalse(CprNumbers.parse("010190-1234").toString().contains("1234"));
    }
}
