package dk.rm.patientsafety.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CprRedactorTest {

    private final CprRedactor redactor = new CprRedactor();

    static Stream<Arguments> writtenForms() {
        return Stream.of(
                arguments("dash", "Pt. 010190-1234 faldt", "Pt. [CPR] faldt", 1),
                arguments("plain", "Pt. 0101901234 faldt", "Pt. [CPR] faldt", 1),
                arguments("space", "Pt. 010190 1234 faldt", "Pt. [CPR] faldt", 1),
                arguments("dot before serial", "Pt. 010190.1234 faldt", "Pt. [CPR] faldt", 1),
                arguments("spaces everywhere", "Pt. 01 01 90 1234 faldt", "Pt. [CPR] faldt", 1),
                arguments("dotted date", "Pt. 01.01.90-1234 faldt", "Pt. [CPR] faldt", 1),
                arguments("DDMM YY-SSSS", "Pt. 0101 90-1234 faldt", "Pt. [CPR] faldt", 1),
                arguments("spaced dash", "Pt. 010190 - 1234 faldt", "Pt. [CPR] faldt", 1),
                arguments("four spaces, as in a table", "Pt. 010190    1234", "Pt. [CPR]", 1),
                arguments("en dash", "Pt. 010190\u20131234 faldt", "Pt. [CPR] faldt", 1),
                arguments("em dash", "Pt. 010190\u20141234 faldt", "Pt. [CPR] faldt", 1),
                arguments("non-breaking hyphen", "Pt. 010190\u20111234 faldt", "Pt. [CPR] faldt", 1),
                arguments("minus sign", "Pt. 010190\u22121234 faldt", "Pt. [CPR] faldt", 1),
                arguments("non-breaking space", "Pt. 010190\u00A01234 faldt", "Pt. [CPR] faldt", 1),
                arguments("thin space", "Pt. 010190\u20091234 faldt", "Pt. [CPR] faldt", 1),
                arguments("narrow non-breaking space", "Pt. 01\u202F01\u202F90\u202F1234", "Pt. [CPR]", 1),
                arguments("glued after word", "cpr0101901234", "cpr[CPR]", 1),
                arguments("glued in abbreviation", "pt.0101901234:", "pt.[CPR]:", 1),
                arguments("after label, before comma", "CPR:010190-1234,", "CPR:[CPR],", 1),
                arguments("glued on both sides", "nr0101901234og", "nr[CPR]og", 1),
                arguments("line end LF", "se pt 010190-1234\nnæste linje", "se pt [CPR]\nnæste linje", 1),
                arguments("line end CRLF", "se pt 010190-1234\r\nnæste linje", "se pt [CPR]\r\nnæste linje", 1),
                arguments("broken over CRLF", "se pt 010190-\r\n1234 igen", "se pt [CPR] igen", 1),
                arguments("broken over LF", "se pt 010190\n1234 igen", "se pt [CPR] igen", 1),
                arguments("start and end of text", "0101901234", "[CPR]", 1),
                arguments("parentheses", "(010190-1234)", "([CPR])", 1),
                arguments("quotes", "\"0101901234\" og \u201E010190-1234\u201C", "\"[CPR]\" og \u201E[CPR]\u201C", 2),
                arguments("several", "0101901234, 020290-1234 og 03.03.90 1234", "[CPR], [CPR] og [CPR]", 3),
                arguments("back to back with dashes", "010190-1205-020290-1234", "[CPR]-[CPR]", 2),
                arguments("serial reads like a date", "010190-1205 020290-1234", "[CPR] [CPR]", 2),
                arguments("fails modulus 11", "0101901235", "[CPR]", 1),
                arguments("31 February is still redacted", "310290-1234", "[CPR]", 1),
                arguments("full-width digits", "\uFF10\uFF11\uFF10\uFF11\uFF19\uFF10\uFF0D\uFF11\uFF12\uFF13\uFF14", "[CPR]", 1),
                arguments("Arabic-Indic digits", "\u0660\u0661\u0660\u0661\u0669\u0660\u0661\u0662\u0663\u0664", "[CPR]", 1),
                arguments("next to a dose", "0101901234 100 mg", "[CPR] 100 mg", 1),
                arguments("slash", "Pt. 010190/1234 faldt", "Pt. [CPR] faldt", 1),
                arguments("underscore", "Pt. 010190_1234 faldt", "Pt. [CPR] faldt", 1),
                arguments("colon", "Pt. 010190:1234 faldt", "Pt. [CPR] faldt", 1),
                arguments("two dashes", "Pt. 010190--1234 faldt", "Pt. [CPR] faldt", 1),
                arguments("five spaces", "Pt. 010190     1234", "Pt. [CPR]", 1),
                arguments("zero-width space", "Pt. 010190\u200B1234 faldt", "Pt. [CPR] faldt", 1),
                arguments("zero-width space and spaces", "Pt. 010190 \u200B  1234 faldt", "Pt. [CPR] faldt", 1),
                arguments("soft hyphen inside the date", "Pt. 01\u00AD01\u00AD90-1234", "Pt. [CPR]", 1),
                arguments("four-digit year", "Pt. 01011990-1234 faldt", "Pt. [CPR] faldt", 1),
                arguments("dotted four-digit year", "Pt. 01.01.1990 1234 faldt", "Pt. [CPR] faldt", 1),
                arguments("four-digit year glued", "cpr010120051234", "cpr[CPR]", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writtenForms")
    void redactsEveryWrittenForm(String form, String text, String expected, int count) {
        Redaction redaction = redactor.redact(text);
        assertEquals(expected, redaction.text());
        assertEquals(count, redaction.replaced());
        assertEquals(count, redaction.count(CprRedactor.RULE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SOR 1309011000000",              // 13-digit SOR code: 1309011000 alone would look like a CPR number
            "lokation 380371000016002",       // 15-digit SOR code
            "GLN 5790000123456",              // 13-digit GLN
            "tlf. 12345678",
            "tlf. 12 34 56 78",
            "tlf. 1234 5678",
            "tlf. +45 12345678",
            "tlf. +4512345678",
            "tlf. +45 20 11 90 12",
            "tlf. 0045 2011 9012",
            "tlf. 004520119012",
            "10 mg",
            "2 x 500 mg dagligt",
            "kl. 22:40",
            "kl. 22.40",
            "01.01.90",
            "d. 01.01.1990 kl. 12.34",
            "ATC N02BE01 og B01AB01",
            "BT 120/80, puls 72",
            "Hb 7,4 mmol/l",
            "321390-1234",                    // day 32
            "001090-1234",                    // day 00
            "011390-1234",                    // month 13
            "010090-1234",                    // month 00
            "01019-01234",                    // split inside the date is not how anyone writes one
            "010 190 1234",
            "010190-123",                     // nine digits
            "2011 9012 3456 7890",
            "01.01.2190 1234",                // no one alive was born in the 22nd century
            "010190       1234"})           // seven spaces: separate numbers
    void leavesOtherNumbersAlone(String text) {
        Redaction redaction = redactor.redact(text);
        assertEquals(text, redaction.text());
        assertEquals(0, redaction.replaced());
        assertFalse(redactor.containsCpr(text));
    }

    static Stream<Arguments> longerDigitRuns() {
        return Stream.of(
                arguments("10 digits: a CPR number", "x 0101901234 y", "x [CPR] y"),
                arguments("11 glued digits: a mistyped number", "x 01019012345 y", "x [CPR] y"),
                arguments("12 glued digits", "x 010190123456 y", "x [CPR] y"),
                arguments("a digit glued in front", "x 1010190-1234 y", "x [CPR] y"),
                arguments("a fifth serial digit", "x 010190-12345 y", "x [CPR] y"),
                arguments("13 digits: a code", "x 0101901234567 y", "x 0101901234567 y"),
                arguments("13 digits split: a code", "x 010190-1234567 y", "x 010190-1234567 y"),
                arguments("12 digits without a date", "x 999999123456 y", "x 999999123456 y"),
                arguments("separated numbers are separate", "x 12 0101901234 5 y", "x 12 [CPR] 5 y"),
                arguments("a date just before", "d. 10.12.24 0101 90-1234", "d. [CPR]"),
                arguments("two readings overlap", "x 20 11 010190-1234 y", "x [CPR] y"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("longerDigitRuns")
    void decidesLongerDigitRunsByTheirLength(String rule, String text, String expected) {
        assertEquals(expected, redactor.redact(text).text());
    }

    @Test
    void onlyWholeNumbersAreRedacted() {
        assertEquals("født 010190, indlagt", redactor.redact("født 010190, indlagt").text(), "the date part alone stays");
        assertEquals("serie 1234", redactor.redact("serie 1234").text());
    }

    @Test
    void leavesTextWithoutDigitsUntouchedAndUncounted() {
        Redaction redaction = redactor.redact("Patienten faldt på toilettet.");
        assertEquals("Patienten faldt på toilettet.", redaction.text());
        assertEquals(0, redaction.replaced());
        assertEquals("", redactor.redact("").text());
    }

    @Test
    void tellsWhetherATextHoldsACprNumber() {
        assertTrue(redactor.containsCpr("se cpr0101901234"));
        assertFalse(redactor.containsCpr("se SOR 1309011000000"));
    }

    @Test
    void isQuickOnLongTexts() {
        String text = "Pt. 010190-1234 fik 10 mg kl. 22:40, SOR 1309011000000, tlf. 12 34 56 78. ".repeat(20_000);
        long start = System.nanoTime();
        Redaction redaction = redactor.redact(text);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(20_000, redaction.replaced());
        assertTrue(millis < 2_000, "took " + millis + " ms");
    }
}
