package dk.rm.patientsafety.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExternalAudienceRulesTest {

    @Test
    void shipsTheDefaultRulesInOrder() {
        assertEquals(List.of("email", "phone-dk", "date", "address", "staff-title-name", "person-title-name", "staff-names"),
                ExternalAudienceRules.defaults().names());
    }

    @Test
    void loadsAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, """
                {"description": "test", "rules": [
                  {"name": "ward-phone", "description": "four-digit extensions", "pattern": "lokal \\\\d{4}", "replacement": "[LOKAL]"}]}""");
        ExternalAudienceRedactor redactor = ExternalAudienceRedactor.fromRules(file);
        assertEquals("ring [LOKAL]", redactor.redact("ring lokal 1234").text());
    }

    @Test
    void namesAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertEquals(missing + ": no such file",
                assertThrows(RuleFileException.class, () -> ExternalAudienceRules.load(missing)).getMessage());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"rules\": [                                                                    | rules.json: not valid JSON at line 1, column 12: Unexpected end-of-input: expected close marker for Array",
            "[]                                                                               | rules.json: must be a JSON object with a \"rules\" array",
            "{}                                                                               | rules.json: \"rules\" must be a non-empty array",
            "{\"rules\": []}                                                                  | rules.json: \"rules\" must be a non-empty array",
            "{\"rules\": [], \"rulez\": 1}                                                    | rules.json: unknown field \"rulez\" (known: [description, rules])",
            "{\"rules\": [1]}                                                                 | rules.json: rules[0]: must be an object",
            "{\"rules\": [{\"pattern\": \"x\", \"replacement\": \"[X]\"}]}                    | rules.json: rules[0]: \"name\" must be a non-blank string",
            "{\"rules\": [{\"name\": \"Phone DK\", \"pattern\": \"x\", \"replacement\": \"[X]\"}]}   | rules.json: rules[0]: \"name\" must be lower-case letters, digits and dashes, e.g. \"phone-dk\"",
            "{\"rules\": [{\"name\": \"cpr\", \"pattern\": \"x\", \"replacement\": \"[X]\"}]}        | rules.json: rules[0]: the name \"cpr\" is reserved: CPR numbers are always redacted first, by code",
            "{\"rules\": [{\"name\": \"a\", \"patern\": \"x\", \"replacement\": \"[X]\"}]}           | rules.json: rules[0]: unknown field \"patern\" (known: [description, name, names, pattern, replacement])",
            "{\"rules\": [{\"name\": \"a\", \"replacement\": \"[X]\"}]}                        | rules.json: rules[0] (\"a\"): needs exactly one of \"pattern\" or \"names\"",
            "{\"rules\": [{\"name\": \"a\", \"pattern\": \"x\", \"names\": [], \"replacement\": \"[X]\"}]} | rules.json: rules[0] (\"a\"): needs exactly one of \"pattern\" or \"names\"",
            "{\"rules\": [{\"name\": \"a\", \"pattern\": \"x\"}]}                              | rules.json: rules[0] (\"a\"): \"replacement\" must be a non-blank string",
            "{\"rules\": [{\"name\": \"a\", \"pattern\": \"(x\", \"replacement\": \"[X]\"}]}        | rules.json: rules[0] (\"a\"): \"pattern\" is not a valid Java regular expression: Unclosed group near index 2",
            "{\"rules\": [{\"name\": \"a\", \"pattern\": \"x*\", \"replacement\": \"[X]\"}]}        | rules.json: rules[0] (\"a\"): \"pattern\" matches the empty text, so it would insert its token everywhere",
            "{\"rules\": [{\"name\": \"a\", \"names\": \"Anne\", \"replacement\": \"[X]\"}]}       | rules.json: rules[0] (\"a\"): \"names\" must be an array of strings",
            "{\"rules\": [{\"name\": \"a\", \"pattern\": \"x\", \"replacement\": \"[X]\"}, {\"name\": \"a\", \"pattern\": \"y\", \"replacement\": \"[Y]\"}]} | rules.json: rules[1]: the name \"a\" is used twice"})
    void refusesABrokenFileAndSaysWhereAndWhy(String json, String message) {
        RuleFileException e = assertThrows(RuleFileException.class, () -> load(json));
        assertEquals(message, e.getMessage());
    }

    @Test
    void doesNotPrintANameFromTheNamesList() {
        RuleFileException e = assertThrows(RuleFileException.class,
                () -> load("{\"rules\": [{\"name\": \"staff\", \"names\": [\"Mette Hansen\", 7], \"replacement\": \"[NAVN]\"}]}"));
        assertEquals("rules.json: rules[0] (\"staff\"): names[1] must be a non-blank string", e.getMessage());
        assertFalse(e.getMessage().contains("Mette"));
    }

    private static ExternalAudienceRules load(String json) {
        return ExternalAudienceRules.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "rules.json");
    }
}
