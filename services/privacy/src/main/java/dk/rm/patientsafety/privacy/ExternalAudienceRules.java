package dk.rm.patientsafety.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Redaction rules are data: a JSON file of named patterns or name lists, refused whole if anything in it is wrong.
 *
 * <p>Each rule has a regular expression or a list of known names, and the token that replaces what it matches:
 * <pre>{"rules": [
 *   {"name": "email", "description": "…", "pattern": "[\\w.%+-]+@…", "replacement": "[E-MAIL]"},
 *   {"name": "staff-names", "names": ["Mette Hansen"], "replacement": "[NAVN]"}]}</pre>
 */
public final class ExternalAudienceRules {

    public static final String DEFAULT_RESOURCE = "/privacy/external-audience-rules.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    // Unknown fields are errors, so a misspelt "patern" cannot silently switch a rule off.
    private static final Set<String> TOP_FIELDS = Set.of("description", "rules");
    private static final Set<String> RULE_FIELDS = Set.of("name", "description", "pattern", "names", "replacement");
    private static final Pattern RULE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final List<RedactionRule> rules;

    private ExternalAudienceRules(List<RedactionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static ExternalAudienceRules of(List<RedactionRule> rules) {
        return new ExternalAudienceRules(rules);
    }

    /** The rules shipped with the module. */
    public static ExternalAudienceRules defaults() {
        try (InputStream in = ExternalAudienceRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new RuleFileException("classpath:" + DEFAULT_RESOURCE + ": not found");
            }
            return load(in, "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new RuleFileException("classpath:" + DEFAULT_RESOURCE + ": cannot be read: " + e.getMessage(), e);
        }
    }

    public static ExternalAudienceRules load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new RuleFileException(file + ": no such file");
        } catch (IOException e) {
            throw new RuleFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** @param source names the stream in error messages, e.g. its path */
    public static ExternalAudienceRules load(InputStream in, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new RuleFileException(source + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + withoutSource(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new RuleFileException(source + ": cannot be read: " + e.getMessage(), e);
        }
        return new ExternalAudienceRules(parse(root, source));
    }

    public List<RedactionRule> rules() {
        return rules;
    }

    public List<String> names() {
        return rules.stream().map(RedactionRule::name).toList();
    }

    private static List<RedactionRule> parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new RuleFileException(source + ": must be a JSON object with a \"rules\" array");
        }
        rejectUnknown(root, TOP_FIELDS, source);
        JsonNode array = root.get("rules");
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new RuleFileException(source + ": \"rules\" must be a non-empty array");
        }
        List<RedactionRule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            RedactionRule rule = rule(array.get(i), source + ": rules[" + i + "]");
            if (!seen.add(rule.name())) {
                throw new RuleFileException(source + ": rules[" + i + "]: the name \"" + rule.name() + "\" is used twice");
            }
            rules.add(rule);
        }
        return rules;
    }

    private static RedactionRule rule(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new RuleFileException(where + ": must be an object");
        }
        rejectUnknown(node, RULE_FIELDS, where);
        String name = text(node, "name", where);
        if (!RULE_NAME.matcher(name).matches()) {
            throw new RuleFileException(where + ": \"name\" must be lower-case letters, digits and dashes, e.g. \"phone-dk\"");
        }
        if (name.equals(CprRedactor.RULE)) {
            throw new RuleFileException(where + ": the name \"cpr\" is reserved: CPR numbers are always redacted first, by code");
        }
        String at = where + " (\"" + name + "\")";
        String replacement = text(node, "replacement", at);
        boolean hasPattern = node.has("pattern");
        if (hasPattern == node.has("names")) {
            throw new RuleFileException(at + ": needs exactly one of \"pattern\" or \"names\"");
        }
        return hasPattern
                ? patternRule(name, text(node, "pattern", at), replacement, at)
                : namesRule(name, node.get("names"), replacement, at);
    }

    private static RedactionRule patternRule(String name, String regex, String replacement, String at) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex, RedactionRule.FLAGS);
        } catch (PatternSyntaxException e) {
            throw new RuleFileException(at + ": \"pattern\" is not a valid Java regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
        if (pattern.matcher("").matches()) {
            throw new RuleFileException(at + ": \"pattern\" matches the empty text, so it would insert its token everywhere");
        }
        return new RedactionRule(name, pattern, replacement);
    }

    private static RedactionRule namesRule(String name, JsonNode array, String replacement, String at) {
        if (!array.isArray()) {
            throw new RuleFileException(at + ": \"names\" must be an array of strings");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual() || array.get(i).asText().isBlank()) {
                // The entry itself is not printed: it is a person's name.
                throw new RuleFileException(at + ": names[" + i + "] must be a non-blank string");
            }
            names.add(array.get(i).asText());
        }
        return RedactionRule.forNames(name, names, replacement);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new RuleFileException(where + ": \"" + field + "\" must be a non-blank string");
        }
        return value.asText();
    }

    /** Jackson appends where it was reading ("(start marker at [Source: …])"); the line and column say that already. */
    private static String withoutSource(String message) {
        int source = message.indexOf(" (start marker at");
        return (source < 0 ? message : message.substring(0, source)).lines().findFirst().orElse("");
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                throw new RuleFileException(where + ": unknown field \"" + field + "\" (known: "
                        + known.stream().sorted().toList() + ")");
            }
        }
    }
}
