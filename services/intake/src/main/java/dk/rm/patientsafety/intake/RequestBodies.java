package dk.rm.patientsafety.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Request bodies are read strictly: UTF-8 without damaged bytes, one JSON value with nothing after it, and no key
 * given twice. Each of these is ambiguous (which value did the sender mean? what did the damaged bytes say?), so the
 * body is refused rather than read one way or the other.
 */
final class RequestBodies {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Why a body cannot be read; the message is ours and never quotes the body. */
    static final class UnreadableBody extends Exception {
        UnreadableBody(String message) {
            super(message);
        }
    }

    private RequestBodies() {
    }

    static JsonNode single(byte[] body) throws UnreadableBody {
        return parse(utf8(body), "The body is not valid JSON (one value, no repeated keys, nothing after it)");
    }

    static List<JsonNode> array(byte[] body) throws UnreadableBody {
        return array(body, "A batch must be a JSON array of reports (or NDJSON with Content-Type " + IncidentController.NDJSON + ")");
    }

    /** @param notAnArray the message for a body that is JSON but not an array */
    static List<JsonNode> array(byte[] body, String notAnArray) throws UnreadableBody {
        JsonNode json = single(body);
        if (!json.isArray()) {
            throw new UnreadableBody(notAnArray);
        }
        List<JsonNode> items = new ArrayList<>();
        json.forEach(items::add);
        return items;
    }

    static List<JsonNode> ndjson(byte[] body) throws UnreadableBody {
        List<JsonNode> reports = new ArrayList<>();
        String[] lines = utf8(body).split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                reports.add(parse(lines[i], "Line " + (i + 1) + " is not valid JSON (one value, no repeated keys, nothing after it)"));
            }
        }
        return reports;
    }

    /**
     * JSON is UTF-8 (RFC 8259). Decoding strictly, instead of turning bad bytes into U+FFFD, tells the sender that the
     * text was damaged before it is stored as if it were what the reporter wrote.
     */
    static String utf8(byte[] body) throws UnreadableBody {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body == null ? new byte[0] : body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableBody("The body is not valid UTF-8");
        }
    }

    /** Parser messages quote the input, which may hold personal data, so only our own message is kept. */
    private static JsonNode parse(String text, String message) throws UnreadableBody {
        try {
            JsonNode json = JSON.readTree(text);
            if (json == null || json.isMissingNode()) {
                throw new UnreadableBody(message);
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new UnreadableBody(message);
        }
    }
}
