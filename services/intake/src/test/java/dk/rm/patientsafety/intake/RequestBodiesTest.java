package dk.rm.patientsafety.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestBodiesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"headline\": \"Fald\"}}}}",
            "{\"headline\": \"Fald\"} {\"headline\": \"Fald\"}",
            "{\"headline\": \"Fald\"} x",
            "{\"headline\": \"Fald\", \"headline\": \"Forkert dosis\"}",
            "{\"reporter\": {\"name\": \"A\", \"name\": \"B\"}}",
            "",
            "   ",
    })
    void refusesTrailingDataRepeatedKeysAndEmptyBodies(String body) {
        RequestBodies.UnreadableBody e = assertThrows(RequestBodies.UnreadableBody.class,
                () -> RequestBodies.single(body.getBytes(StandardCharsets.UTF_8)));
        assertFalse(e.getMessage().contains("Fald"), "the message never quotes the body");
    }

    @Test
    void refusesInvalidUtf8InsteadOfReplacingIt() {
        byte[][] bodies = {
                {'{', '"', 'h', '"', ':', '"', (byte) 0xC3, '"', '}'},          // a lead byte without its continuation
                {'{', '"', 'h', '"', ':', '"', (byte) 0xFF, '"', '}'},          // a byte UTF-8 never uses
                {'{', '"', 'h', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}, // an encoded lone surrogate
                {'{', '"', 'h', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}, // an overlong encoding of '/'
        };
        for (byte[] body : bodies) {
            RequestBodies.UnreadableBody e = assertThrows(RequestBodies.UnreadableBody.class, () -> RequestBodies.single(body));
            assertEquals("The body is not valid UTF-8", e.getMessage());
        }
    }

    @Test
    void readsStrictBatchesAndNamesTheBadLine() throws Exception {
        assertEquals(2, RequestBodies.array("[{\"a\": 1}, {\"a\": 2}]".getBytes(StandardCharsets.UTF_8)).size());
        assertEquals(2, RequestBodies.ndjson("{\"a\": 1}\r\n\n{\"a\": 2}\n".getBytes(StandardCharsets.UTF_8)).size());
        RequestBodies.UnreadableBody e = assertThrows(RequestBodies.UnreadableBody.class,
                () -> RequestBodies.ndjson("{\"a\": 1}\n{\"a\": 1, \"a\": 2}\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("Line 2 is not valid JSON (one value, no repeated keys, nothing after it)", e.getMessage());
        assertThrows(RequestBodies.UnreadableBody.class, () -> RequestBodies.array("[{\"a\": 1}]]".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void keepsAnEscapedLoneSurrogateForTheValidatorToName() throws Exception {
        // "\uD800" is well-formed JSON but not Unicode text; the validator refuses it naming the field.
        assertEquals("\uD800", RequestBodies.single("{\"h\": \"\\uD800\"}".getBytes(StandardCharsets.UTF_8)).get("h").textValue());
    }
}
