package dk.rm.patientsafety.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dk.rm.patientsafety.taxonomy.PhraseRules.RuleFiles;

/**
 * Structured fields vote for a type: an ATC code by its longest listed prefix (any code: medication; B05A: blood;
 * V03AN: gas), an involved device for MEDICAL_DEVICE (weakly), and a known main-group name for its type (medium).
 *
 * <p>The weights say how far each field can be trusted. An ATC code is strong evidence, because it is only filled in
 * when a medicine was involved; but a fall after a sedative carries one too, so the text can still outvote it. A device
 * is weak: infusion pumps, catheters and beds appear in many narratives where the device did not fail. Reporters choose
 * main groups inconsistently, so a main group is medium, and one naming several groups ("Medicin – Udstyr – Stråling")
 * splits its weight between them. The prefixes, weights and main-group names live in
 * {@code taxonomy/structured-rules.json}.
 */
public final class StructuredFieldRules {

    public static final String DEFAULT_RESOURCE = "/taxonomy/structured-rules.json";

    // ATC: anatomical group letter, two-digit therapeutic group, then optional levels (B05AA01).
    private static final Pattern ATC = Pattern.compile("[A-Z](\\d\\d([A-Z]([A-Z](\\d\\d)?)?)?)?");
    private static final Pattern MAIN_GROUP_PARTS = Pattern.compile("\\s*(?:[–—/,;]|\\s-\\s)\\s*");
    private static final DanishNormaliser NORMALISER = DanishNormaliser.defaults();
    private static final Set<String> TOP_FIELDS = Set.of("description", "atc", "device", "mainGroups");
    private static final Set<String> ATC_FIELDS = Set.of("description", "weight", "rules");
    private static final Set<String> ATC_RULE_FIELDS = Set.of("prefix", "type", "weight", "note");
    private static final Set<String> DEVICE_FIELDS = Set.of("description", "type", "weight");
    private static final Set<String> MAIN_GROUP_FIELDS = Set.of("description", "weight", "groups");
    private static final Set<String> GROUP_FIELDS = Set.of("type", "names", "weight");

    /** ATC codes starting with {@code prefix} ("" for any) count for {@code type}. */
    record AtcRule(String prefix, IncidentType type, double weight) {
    }

    private record MainGroup(String name, IncidentType type, double weight) {
    }

    private final List<AtcRule> atcRules;
    private final IncidentType deviceType;
    private final double deviceWeight;
    private final Map<String, MainGroup> mainGroups;

    private StructuredFieldRules(List<AtcRule> atcRules, IncidentType deviceType, double deviceWeight,
                                 Map<String, MainGroup> mainGroups) {
        // Longest prefix first: B05A before B05 before any code.
        this.atcRules = atcRules.stream().sorted(Comparator.comparingInt((AtcRule r) -> r.prefix().length()).reversed())
                .toList();
        this.deviceType = deviceType;
        this.deviceWeight = deviceWeight;
        this.mainGroups = Map.copyOf(mainGroups);
    }

    /** The rules shipped with the module. */
    public static StructuredFieldRules defaults() {
        return RuleFiles.fromResource(DEFAULT_RESOURCE, StructuredFieldRules::parse);
    }

    public static StructuredFieldRules load(Path file) {
        return RuleFiles.fromFile(file, StructuredFieldRules::parse);
    }

    public static StructuredFieldRules load(InputStream in, String source) {
        return parse(RuleFiles.read(in, source), source);
    }

    /** The evidence of the structured fields of one report. */
    public List<Evidence> evidence(IncidentText text) {
        List<Evidence> evidence = new ArrayList<>();
        atc(text.atcCodes(), evidence);
        if (!text.deviceTypes().isEmpty()) {
            evidence.add(new Evidence(Evidence.ruleName(deviceType, "device", "*"), Evidence.DEVICE,
                    String.join(", ", text.deviceTypes()), deviceWeight, false));
        }
        mainGroup(text.mainGroup(), evidence);
        return evidence;
    }

    /** The type an ATC code counts for, or null if the code is not a well-formed ATC code. */
    public IncidentType atcType(String code) {
        AtcRule rule = atcRule(normaliseAtc(code));
        return rule == null ? null : rule.type();
    }

    private void atc(List<String> codes, List<Evidence> evidence) {
        // One piece of evidence per rule, listing every code that fired it: five codes are not five times the evidence.
        Map<AtcRule, Set<String>> fired = new LinkedHashMap<>();
        for (String code : codes) {
            String atc = normaliseAtc(code);
            AtcRule rule = atcRule(atc);
            if (rule != null) {
                fired.computeIfAbsent(rule, r -> new LinkedHashSet<>()).add(atc);
            }
        }
        fired.forEach((rule, matched) -> evidence.add(new Evidence(
                Evidence.ruleName(rule.type(), "atc", rule.prefix().isEmpty() ? "*" : rule.prefix()), Evidence.ATC_CODE,
                String.join(", ", matched), rule.weight(), false)));
    }

    private AtcRule atcRule(String atc) {
        if (!ATC.matcher(atc).matches()) {
            return null;
        }
        for (AtcRule rule : atcRules) {
            if (atc.startsWith(rule.prefix())) {
                return rule;
            }
        }
        return null;
    }

    private static String normaliseAtc(String code) {
        return code == null ? "" : code.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    private void mainGroup(String written, List<Evidence> evidence) {
        if (written.isBlank()) {
            return;
        }
        MainGroup whole = mainGroups.get(groupKey(written));
        if (whole != null) {
            evidence.add(mainGroupEvidence(whole, written, whole.weight()));
            return;
        }
        // "Medicin – Udstyr – Stråling": each known part gets an equal share of its weight.
        List<MainGroup> parts = MAIN_GROUP_PARTS.splitAsStream(written).map(p -> mainGroups.get(groupKey(p)))
                .filter(java.util.Objects::nonNull).distinct().toList();
        for (MainGroup part : parts) {
            evidence.add(mainGroupEvidence(part, written, part.weight() / parts.size()));
        }
    }

    private static Evidence mainGroupEvidence(MainGroup group, String written, double weight) {
        return new Evidence(Evidence.ruleName(group.type(), "mainGroup", group.name()), Evidence.MAIN_GROUP, written,
                weight, false);
    }

    /** Main groups compare by their word stems, so "Infektioner", "infektion" and "INFEKTIONER " are one name. */
    private static String groupKey(String name) {
        return NORMALISER.tokens(name).stream().filter(t -> t.kind() != Token.Kind.PUNCTUATION)
                .map(Token::stem).collect(Collectors.joining(" "));
    }

    private static StructuredFieldRules parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new RuleFileException(source + ": must be a JSON object with \"atc\", \"device\" and \"mainGroups\"");
        }
        RuleFiles.rejectUnknown(root, TOP_FIELDS, source);
        JsonNode atc = object(root, "atc", source);
        RuleFiles.rejectUnknown(atc, ATC_FIELDS, source + ": atc");
        double atcWeight = RuleFiles.number(atc, "weight", 4, 0.1, 20, source + ": atc");
        JsonNode atcRuleNodes = atc.get("rules");
        if (atcRuleNodes == null || !atcRuleNodes.isArray() || atcRuleNodes.isEmpty()) {
            throw new RuleFileException(source + ": atc: \"rules\" must be a non-empty array");
        }
        List<AtcRule> atcRules = new ArrayList<>();
        Set<String> prefixes = new java.util.HashSet<>();
        for (int i = 0; i < atcRuleNodes.size(); i++) {
            String where = source + ": atc.rules[" + i + "]";
            JsonNode node = atcRuleNodes.get(i);
            if (!node.isObject()) {
                throw new RuleFileException(where + ": must be an object");
            }
            RuleFiles.rejectUnknown(node, ATC_RULE_FIELDS, where);
            JsonNode prefixNode = node.get("prefix");
            if (prefixNode == null || !prefixNode.isTextual()) {
                throw new RuleFileException(where + ": \"prefix\" must be a string (\"*\" for any ATC code)");
            }
            String prefix = prefixNode.asText().trim().toUpperCase(Locale.ROOT);
            prefix = prefix.equals("*") ? "" : prefix;
            if (!prefix.isEmpty() && !ATC.matcher(prefix).matches()
                    && !ATC.matcher(prefix + "00").matches() && !ATC.matcher(prefix + "A").matches()) {
                throw new RuleFileException(where + ": \"" + prefixNode.asText() + "\" is not the start of an ATC code");
            }
            if (!prefixes.add(prefix)) {
                throw new RuleFileException(where + ": prefix \"" + prefixNode.asText() + "\" is listed twice");
            }
            IncidentType type = RuleFiles.type(node, where);
            atcRules.add(new AtcRule(prefix, type, RuleFiles.number(node, "weight", atcWeight, 0.1, 20, where)));
        }

        JsonNode device = object(root, "device", source);
        RuleFiles.rejectUnknown(device, DEVICE_FIELDS, source + ": device");
        IncidentType deviceType = RuleFiles.type(device, source + ": device");
        double deviceWeight = RuleFiles.number(device, "weight", 1.5, 0.1, 20, source + ": device");

        JsonNode groups = object(root, "mainGroups", source);
        RuleFiles.rejectUnknown(groups, MAIN_GROUP_FIELDS, source + ": mainGroups");
        double groupWeight = RuleFiles.number(groups, "weight", 2, 0.1, 20, source + ": mainGroups");
        JsonNode groupNodes = groups.get("groups");
        if (groupNodes == null || !groupNodes.isArray()) {
            throw new RuleFileException(source + ": mainGroups: \"groups\" must be an array");
        }
        Map<String, MainGroup> mainGroups = new HashMap<>();
        for (int i = 0; i < groupNodes.size(); i++) {
            String where = source + ": mainGroups.groups[" + i + "]";
            JsonNode node = groupNodes.get(i);
            if (!node.isObject()) {
                throw new RuleFileException(where + ": must be an object");
            }
            RuleFiles.rejectUnknown(node, GROUP_FIELDS, where);
            IncidentType type = RuleFiles.type(node, where);
            double weight = RuleFiles.number(node, "weight", groupWeight, 0.1, 20, where);
            List<String> names = RuleFiles.strings(node, "names", where);
            if (names.isEmpty()) {
                throw new RuleFileException(where + ": \"names\" must list at least one main-group name");
            }
            for (String name : names) {
                // Listing two spellings of one name for the same type is harmless; one name for two types is not.
                MainGroup previous = mainGroups.putIfAbsent(groupKey(name), new MainGroup(name.trim(), type, weight));
                if (previous != null && previous.type() != type) {
                    throw new RuleFileException(where + ": the name \"" + name + "\" is already listed for "
                            + previous.type() + " (as \"" + previous.name() + "\")");
                }
            }
        }
        return new StructuredFieldRules(atcRules, deviceType, deviceWeight, mainGroups);
    }

    private static JsonNode object(JsonNode root, String field, String source) {
        JsonNode node = root.get(field);
        if (node == null || !node.isObject()) {
            throw new RuleFileException(source + ": \"" + field + "\" must be an object");
        }
        return node;
    }
}
