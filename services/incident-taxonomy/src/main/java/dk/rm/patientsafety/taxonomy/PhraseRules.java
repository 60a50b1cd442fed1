package dk.rm.patientsafety.taxonomy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The text rules are data: a JSON file lists, per incident type, Danish stems, phrases and words with weights, plus the
 * shared negation cues, idioms to ignore, abbreviations and scoring knobs; it is refused whole if anything is wrong.
 *
 * <pre>{"headlineMultiplier": 1.5, "negatedWeight": 0, "compoundModifierWeight": 0.6, "minimumScore": 1,
 *  "fuzzyMinLength": 6,
 *  "negation": {"maxTokens": 4, "boundaries": [",", ".", ";", "men"], "cues": ["ikke", "ingen"],
 *               "denialCues": ["ingen tegn på"], "trailingDenialCues": ["afkræftet"], "pseudoCues": ["ikke kun"]},
 *  "ignore": ["i hvert fald"], "abbreviations": {"sengeafs.": "sengeafsnit"}, "knownWords": ["injektion"],
 *  "types": [{"type": "PATIENT_ACCIDENT_FALL", "negatable": true, "precedence": 1.4, "phrases": [
 *     {"stem": "fald", "weight": 4, "compound": "start", "variants": ["faldne"]},
 *     {"phrase": "fundet på gulvet", "weight": 3}]},
 *   {"type": "BLOOD_PRODUCTS", "phrases": [{"word": "SAG", "weight": 4, "caseSensitive": true}]}]}</pre>
 *
 * A stem matches any inflection (via {@link DanishStemmer}), inside compounds as its {@code compound} setting allows
 * (default: both ends for stems of six letters or more, none for shorter), and one-edit misspellings of stems of
 * {@code fuzzyMinLength} letters or more (unless {@code "fuzzy": false}); {@code variants} list other spellings. A
 * type's {@code negatable} (default true) says whether plain negation cues deny its rules; a rule may override it.
 * Unknown fields are errors, so a misspelt {@code "wieght"} cannot silently switch a rule off; so are unknown types,
 * duplicate types or patterns, weights of 0 or beyond ±20, and a "stem" of several words.
 */
public final class PhraseRules {

    public static final String DEFAULT_RESOURCE = "/taxonomy/phrase-rules.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_FIELDS = Set.of("description", "headlineMultiplier", "negatedWeight",
            "compoundModifierWeight", "minimumScore", "fuzzyMinLength", "negation", "ignore", "abbreviations",
            "knownWords", "types");
    private static final Set<String> NEGATION_FIELDS = Set.of("description", "maxTokens", "boundaries", "cues",
            "trailingCues", "denialCues", "trailingDenialCues", "pseudoCues");
    private static final Set<String> TYPE_FIELDS = Set.of("type", "description", "negatable", "precedence", "phrases");
    private static final Set<String> PHRASE_FIELDS = Set.of("stem", "phrase", "word", "weight", "compound", "variants",
            "fuzzy", "negatable", "gap", "caseSensitive", "note");
    private static final double MAX_WEIGHT = 20;

    private final List<PhraseRule> rules;
    private final Map<IncidentType, Double> precedence;
    private final DanishNormaliser normaliser;
    private final NegationScope negation;
    private final List<List<String>> ignore;
    private final Set<String> knownWords;
    private final double headlineMultiplier;
    private final double negatedWeight;
    private final double compoundModifierWeight;
    private final double minimumScore;
    private final int fuzzyMinLength;

    private PhraseRules(List<PhraseRule> rules, Map<IncidentType, Double> precedence, DanishNormaliser normaliser,
                        NegationScope negation,
                        List<List<String>> ignore, Set<String> knownWords, double headlineMultiplier,
                        double negatedWeight, double compoundModifierWeight, double minimumScore, int fuzzyMinLength) {
        this.rules = List.copyOf(rules);
        this.precedence = Map.copyOf(precedence);
        this.normaliser = normaliser;
        this.negation = negation;
        this.ignore = List.copyOf(ignore);
        this.knownWords = Set.copyOf(knownWords);
        this.headlineMultiplier = headlineMultiplier;
        this.negatedWeight = negatedWeight;
        this.compoundModifierWeight = compoundModifierWeight;
        this.minimumScore = minimumScore;
        this.fuzzyMinLength = fuzzyMinLength;
    }

    /** The rules shipped with the module. */
    public static PhraseRules defaults() {
        return RuleFiles.fromResource(DEFAULT_RESOURCE, PhraseRules::parse);
    }

    public static PhraseRules load(Path file) {
        return RuleFiles.fromFile(file, PhraseRules::parse);
    }

    /** @param source names the stream in error messages, e.g. its path */
    public static PhraseRules load(InputStream in, String source) {
        return parse(RuleFiles.read(in, source), source);
    }

    public List<PhraseRule> rules() {
        return rules;
    }

    /**
     * How much a type's evidence counts (1 unless the file says otherwise). Outcome types (a fall, an infection, a
     * pressure ulcer) take precedence over the circumstances that caused them: a fall caused by a broken lift sling is a
     * fall, an infection after a missed hygiene step is the infection.
     */
    public double precedence(IncidentType type) {
        return precedence.getOrDefault(type, 1.0);
    }

    public DanishNormaliser normaliser() {
        return normaliser;
    }

    public NegationScope negation() {
        return negation;
    }

    /** Idioms whose words never count ("i hvert fald" is "in any case", not a fall), as word stems. */
    public List<List<String>> ignore() {
        return ignore;
    }

    /** Stems of real words that must never be read as a misspelling of a rule stem. */
    public Set<String> knownWords() {
        return knownWords;
    }

    /** Headlines name the main event, so their evidence counts this many times. */
    public double headlineMultiplier() {
        return headlineMultiplier;
    }

    /** The share of its weight that negated evidence adds: 0 ignores it, a negative share counts it against the type. */
    public double negatedWeight() {
        return negatedWeight;
    }

    /**
     * The share of its weight a stem gets as the first part of a compound: Danish compounds are right-headed, so
     * "medicin" in "medicinkøleskab" only modifies the fridge.
     */
    public double compoundModifierWeight() {
        return compoundModifierWeight;
    }

    /** The winner needs at least this score; below it the evidence is too thin to decide and the type is OTHER. */
    public double minimumScore() {
        return minimumScore;
    }

    public int fuzzyMinLength() {
        return fuzzyMinLength;
    }

    private static PhraseRules parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new RuleFileException(source + ": must be a JSON object with a \"types\" array");
        }
        RuleFiles.rejectUnknown(root, TOP_FIELDS, source);
        Map<String, String> abbreviations = new LinkedHashMap<>();
        JsonNode abbreviationNode = root.get("abbreviations");
        if (abbreviationNode != null) {
            if (!abbreviationNode.isObject()) {
                throw new RuleFileException(source + ": \"abbreviations\" must be an object of abbreviation → meaning");
            }
            abbreviationNode.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                    throw new RuleFileException(source + ": abbreviations[\"" + e.getKey() + "\"] must be a non-blank string");
                }
                abbreviations.put(e.getKey(), e.getValue().asText());
            });
        }
        DanishNormaliser normaliser = DanishNormaliser.withAbbreviations(abbreviations);
        double headlineMultiplier = RuleFiles.number(root, "headlineMultiplier", 1.5, 0.1, 10, source);
        double negatedWeight = RuleFiles.number(root, "negatedWeight", 0, -1, 1, source);
        double compoundModifierWeight = RuleFiles.number(root, "compoundModifierWeight", 1, 0, 1, source);
        double minimumScore = RuleFiles.number(root, "minimumScore", 0, 0, 100, source);
        int fuzzyMinLength = (int) RuleFiles.number(root, "fuzzyMinLength", 6, 4, 100, source);
        NegationScope negation = negation(root.get("negation"), normaliser, source + ": negation");
        List<List<String>> ignore = RuleFiles.strings(root, "ignore", source).stream()
                .map(normaliser::stems).filter(k -> !k.isEmpty()).toList();
        Set<String> knownWords = RuleFiles.strings(root, "knownWords", source).stream()
                .map(w -> DanishStemmer.stem(DanishNormaliser.fold(w.trim()))).collect(Collectors.toSet());

        JsonNode types = root.get("types");
        if (types == null || !types.isArray() || types.isEmpty()) {
            throw new RuleFileException(source + ": \"types\" must be a non-empty array");
        }
        List<PhraseRule> rules = new ArrayList<>();
        Set<IncidentType> seen = EnumSet.noneOf(IncidentType.class);
        Map<IncidentType, Double> precedence = new java.util.EnumMap<>(IncidentType.class);
        for (int i = 0; i < types.size(); i++) {
            String where = source + ": types[" + i + "]";
            JsonNode typeNode = types.get(i);
            if (!typeNode.isObject()) {
                throw new RuleFileException(where + ": must be an object");
            }
            RuleFiles.rejectUnknown(typeNode, TYPE_FIELDS, where);
            IncidentType type = RuleFiles.type(typeNode, where);
            if (!seen.add(type)) {
                throw new RuleFileException(where + ": type " + type + " is listed twice; put all its phrases in one entry");
            }
            where = where + " (" + type + ")";
            boolean negatable = RuleFiles.bool(typeNode, "negatable", true, where);
            precedence.put(type, RuleFiles.number(typeNode, "precedence", 1, 0.1, 10, where));
            JsonNode phrases = typeNode.get("phrases");
            if (phrases == null || !phrases.isArray() || phrases.isEmpty()) {
                throw new RuleFileException(where + ": \"phrases\" must be a non-empty array");
            }
            Set<String> names = new HashSet<>();
            for (int j = 0; j < phrases.size(); j++) {
                PhraseRule rule = rule(type, negatable, phrases.get(j), normaliser, where + ": phrases[" + j + "]");
                if (!names.add(rule.name())) {
                    throw new RuleFileException(where + ": phrases[" + j + "]: \"" + rule.pattern() + "\" is listed twice");
                }
                rules.add(rule);
            }
        }
        return new PhraseRules(rules, precedence, normaliser, negation, ignore, knownWords, headlineMultiplier, negatedWeight,
                compoundModifierWeight, minimumScore, fuzzyMinLength);
    }

    private static NegationScope negation(JsonNode node, DanishNormaliser normaliser, String where) {
        if (node == null || !node.isObject()) {
            throw new RuleFileException(where + ": must be an object with \"cues\", \"boundaries\" and \"maxTokens\"");
        }
        RuleFiles.rejectUnknown(node, NEGATION_FIELDS, where);
        int maxTokens = (int) RuleFiles.number(node, "maxTokens", 4, 1, 20, where);
        List<NegationScope.Cue> cues = new ArrayList<>();
        cues.addAll(cues(node, "cues", NegationScope.Direction.AFTER, false, maxTokens, normaliser, where));
        cues.addAll(cues(node, "trailingCues", NegationScope.Direction.BEFORE, false, maxTokens, normaliser, where));
        cues.addAll(cues(node, "denialCues", NegationScope.Direction.AFTER, true, maxTokens, normaliser, where));
        cues.addAll(cues(node, "trailingDenialCues", NegationScope.Direction.BEFORE, true, maxTokens, normaliser, where));
        if (cues.isEmpty()) {
            throw new RuleFileException(where + ": \"cues\" must list at least one negation cue");
        }
        List<List<String>> pseudo = RuleFiles.strings(node, "pseudoCues", where).stream()
                .map(p -> nonEmptyKeys(normaliser, p, where + ": pseudoCues")).toList();
        List<String> boundaryList = RuleFiles.strings(node, "boundaries", where);
        if (boundaryList.isEmpty()) {
            throw new RuleFileException(where + ": \"boundaries\" must list at least one clause boundary, e.g. \".\"");
        }
        Set<String> boundaries = boundaryList.stream().map(b -> DanishNormaliser.fold(b.trim())).collect(Collectors.toSet());
        return new NegationScope(cues, pseudo, boundaries);
    }

    /** Cues are strings, or {"cue": "ikke", "maxTokens": 3} where one cue reaches less far than the others. */
    private static List<NegationScope.Cue> cues(JsonNode node, String field, NegationScope.Direction direction,
                                                boolean denial, int maxTokens, DanishNormaliser normaliser,
                                                String where) {
        JsonNode array = node.get(field);
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new RuleFileException(where + ": \"" + field + "\" must be an array");
        }
        List<NegationScope.Cue> cues = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = where + ": " + field + "[" + i + "]";
            JsonNode cue = array.get(i);
            if (cue.isTextual() && !cue.asText().isBlank()) {
                cues.add(new NegationScope.Cue(nonEmptyKeys(normaliser, cue.asText(), at), direction, maxTokens, denial));
            } else if (cue.isObject()) {
                RuleFiles.rejectUnknown(cue, Set.of("cue", "maxTokens"), at);
                cues.add(new NegationScope.Cue(nonEmptyKeys(normaliser, RuleFiles.text(cue, "cue", at), at), direction,
                        (int) RuleFiles.number(cue, "maxTokens", maxTokens, 1, 20, at), denial));
            } else {
                throw new RuleFileException(at + ": must be a non-blank string or {\"cue\": …, \"maxTokens\": …}");
            }
        }
        return cues;
    }

    private static List<String> nonEmptyKeys(DanishNormaliser normaliser, String text, String where) {
        List<String> keys = normaliser.keys(text);
        if (keys.isEmpty()) {
            throw new RuleFileException(where + ": \"" + text + "\" has no words");
        }
        return keys;
    }

    private static PhraseRule rule(IncidentType type, boolean typeNegatable, JsonNode node, DanishNormaliser normaliser,
                                   String where) {
        if (!node.isObject()) {
            throw new RuleFileException(where + ": must be an object");
        }
        RuleFiles.rejectUnknown(node, PHRASE_FIELDS, where);
        List<String> present = Arrays.stream(new String[] {"stem", "phrase", "word"}).filter(node::has).toList();
        if (present.size() != 1) {
            throw new RuleFileException(where + ": needs exactly one of \"stem\", \"phrase\" or \"word\"");
        }
        String field = present.get(0);
        PhraseRule.Kind kind = PhraseRule.Kind.valueOf(field.toUpperCase(Locale.ROOT));
        String pattern = RuleFiles.text(node, field, where);
        String at = where + " (\"" + pattern + "\")";
        JsonNode weightNode = node.get("weight");
        if (weightNode == null || !weightNode.isNumber() || !Double.isFinite(weightNode.asDouble())
                || weightNode.asDouble() == 0 || Math.abs(weightNode.asDouble()) > MAX_WEIGHT) {
            throw new RuleFileException(at + ": \"weight\" must be a non-zero number between -" + (int) MAX_WEIGHT
                    + " and " + (int) MAX_WEIGHT);
        }
        List<String> spellings = new ArrayList<>();
        spellings.add(pattern);
        spellings.addAll(RuleFiles.strings(node, "variants", at));
        List<List<String>> forms = new ArrayList<>();
        for (String spelling : spellings) {
            List<Token> words = normaliser.tokens(spelling).stream().filter(t -> t.kind() != Token.Kind.PUNCTUATION).toList();
            if (words.isEmpty()) {
                throw new RuleFileException(at + ": \"" + spelling + "\" has no words");
            }
            if (kind != PhraseRule.Kind.PHRASE && words.size() > 1) {
                throw new RuleFileException(at + ": \"" + spelling + "\" is several words; a " + field
                        + " is one word (use \"phrase\" for several)");
            }
            List<String> form = words.stream().map(t -> kind == PhraseRule.Kind.WORD ? t.key() : t.stem()).toList();
            if (!forms.contains(form)) {
                forms.add(form);
            }
        }
        if (node.has("compound") && kind != PhraseRule.Kind.STEM) {
            throw new RuleFileException(at + ": \"compound\" applies to stems only");
        }
        if (node.has("gap") && kind != PhraseRule.Kind.PHRASE) {
            throw new RuleFileException(at + ": \"gap\" applies to phrases only");
        }
        PhraseRule.Compound compound = kind != PhraseRule.Kind.STEM ? PhraseRule.Compound.NONE
                : compound(node, at);
        boolean fuzzy = RuleFiles.bool(node, "fuzzy", kind != PhraseRule.Kind.WORD, at);
        boolean negatable = RuleFiles.bool(node, "negatable", typeNegatable, at);
        int gap = (int) RuleFiles.number(node, "gap", 0, 0, 3, at);
        if (node.has("caseSensitive") && kind != PhraseRule.Kind.WORD) {
            throw new RuleFileException(at + ": \"caseSensitive\" applies to words only");
        }
        String exactCase = RuleFiles.bool(node, "caseSensitive", false, at) ? pattern.trim() : null;
        return new PhraseRule(type, kind, pattern.trim(), forms, weightNode.asDouble(), compound, fuzzy, negatable, gap,
                exactCase);
    }

    private static PhraseRule.Compound compound(JsonNode node, String at) {
        JsonNode value = node.get("compound");
        if (value == null) {
            return PhraseRule.Compound.AUTO;
        }
        String text = value.isTextual() ? value.asText().toUpperCase(Locale.ROOT) : "";
        for (PhraseRule.Compound c : PhraseRule.Compound.values()) {
            if (c != PhraseRule.Compound.AUTO && c.name().equals(text)) {
                return c;
            }
        }
        throw new RuleFileException(at + ": \"compound\" must be one of \"none\", \"start\", \"end\", \"both\"");
    }

    /** Shared JSON helpers of the rule files. */
    static final class RuleFiles {

        private RuleFiles() {
        }

        /** Reads and parses a rule file on the classpath; every failure names the file. */
        static <T> T fromResource(String resource, java.util.function.BiFunction<JsonNode, String, T> parse) {
            String source = "classpath:" + resource;
            try (InputStream in = RuleFiles.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new RuleFileException(source + ": not found");
                }
                return parse.apply(read(in, source), source);
            } catch (IOException e) {
                throw new RuleFileException(source + ": cannot be read: " + e.getMessage(), e);
            }
        }

        /** Reads and parses a rule file; every failure names the file. */
        static <T> T fromFile(Path file, java.util.function.BiFunction<JsonNode, String, T> parse) {
            try (InputStream in = Files.newInputStream(file)) {
                return parse.apply(read(in, file.toString()), file.toString());
            } catch (NoSuchFileException e) {
                throw new RuleFileException(file + ": no such file");
            } catch (IOException e) {
                throw new RuleFileException(file + ": cannot be read: " + e.getMessage(), e);
            }
        }

        static JsonNode read(InputStream in, String source) {
            try {
                return JSON.readTree(in);
            } catch (JsonProcessingException e) {
                throw new RuleFileException(source + ": not valid JSON at line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + ": " + withoutSource(e.getOriginalMessage()), e);
            } catch (IOException e) {
                throw new RuleFileException(source + ": cannot be read: " + e.getMessage(), e);
            }
        }

        static IncidentType type(JsonNode node, String where) {
            String name = text(node, "type", where);
            try {
                return IncidentType.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new RuleFileException(where + ": unknown type \"" + name + "\" (known: "
                        + Arrays.toString(IncidentType.values()) + ")");
            }
        }

        static String text(JsonNode node, String field, String where) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw new RuleFileException(where + ": \"" + field + "\" must be a non-blank string");
            }
            return value.asText();
        }

        static double number(JsonNode node, String field, double fallback, double min, double max, String where) {
            JsonNode value = node.get(field);
            if (value == null) {
                return fallback;
            }
            if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
                throw new RuleFileException(where + ": \"" + field + "\" must be a number from " + fmt(min) + " to "
                        + fmt(max));
            }
            return value.asDouble();
        }

        static boolean bool(JsonNode node, String field, boolean fallback, String where) {
            JsonNode value = node.get(field);
            if (value == null) {
                return fallback;
            }
            if (!value.isBoolean()) {
                throw new RuleFileException(where + ": \"" + field + "\" must be true or false");
            }
            return value.asBoolean();
        }

        static List<String> strings(JsonNode node, String field, String where) {
            JsonNode array = node.get(field);
            if (array == null) {
                return List.of();
            }
            if (!array.isArray()) {
                throw new RuleFileException(where + ": \"" + field + "\" must be an array of strings");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                if (!array.get(i).isTextual() || array.get(i).asText().isBlank()) {
                    throw new RuleFileException(where + ": " + field + "[" + i + "] must be a non-blank string");
                }
                out.add(array.get(i).asText());
            }
            return out;
        }

        static void rejectUnknown(JsonNode node, Set<String> known, String where) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!known.contains(field)) {
                    throw new RuleFileException(where + ": unknown field \"" + field + "\" (known: "
                            + known.stream().sorted().toList() + ")");
                }
            }
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }

        /** Jackson appends where it was reading ("(start marker at [Source: …])"); the line and column say that already. */
        private static String withoutSource(String message) {
            int at = message.indexOf(" (start marker at");
            return (at < 0 ? message : message.substring(0, at)).lines().findFirst().orElse("");
        }
    }
}
