package dk.rm.patientsafety.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy of the default rules on the labelled UTH corpus, per split: precision, recall and F1 per type, overall
 * accuracy, and the confusion matrix as a text table.
 *
 * <p>Rules are tuned on the {@code dev} split only; {@code test} and {@code test2} (written later, before any rule
 * change) are held out and are the figures to report. {@code --split dev} restricts the output to dev while tuning;
 * {@code --cv} adds k-fold cross-validation of the statistical tie-breaker on dev.
 * <pre>./mvnw -q -pl services/incident-taxonomy test-compile exec:java                 # the corpus on the test classpath
 * ./mvnw -q -pl services/incident-taxonomy test-compile exec:java -Dexec.args="path/to/corpus.jsonl --errors"
 * ./mvnw -q -pl services/incident-taxonomy test-compile exec:java -Dexec.args="--split dev --errors --cv"</pre>
 * {@code --errors} also lists the misclassified {@code dev} examples with their explanations (never the test ones,
 * so that looking at errors cannot leak into the rules).
 */
public final class AccuracyReport {

    public static final String CORPUS_RESOURCE = "/corpus/uth-corpus.jsonl";
    public static final String DEV_SAMPLE_RESOURCE = "/dev-sample.jsonl";

    /** One labelled report of the corpus. */
    public record Example(String id, String split, IncidentType expected, IncidentText text, List<String> features) {
    }

    private AccuracyReport() {
    }

    /** The splits in report order: tuned on {@code dev}; {@code test} and {@code test2} are held out. */
    public static final List<String> SPLITS = List.of("dev", "test", "test2");

    public static void main(String[] args) {
        String path = null;
        boolean errors = false;
        List<String> splits = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--errors" -> errors = true;
                // While rules are being tuned only dev may be looked at, even as a figure: --split dev.
                case "--split" -> splits.add(args[++i]);
                case "--cv" -> splits.add("cv");
                default -> path = args[i];
            }
        }
        if (splits.isEmpty()) {
            splits.addAll(SPLITS);
        }
        List<Example> corpus = path != null ? read(Path.of(path)) : readDefault();
        IncidentTypeClassifier classifier = IncidentTypeClassifier.defaults();
        for (String split : splits) {
            if (split.equals("cv")) {
                System.out.println(CrossValidation.report(corpus.stream().filter(e -> e.split().equals("dev")).toList()));
                continue;
            }
            List<Example> examples = corpus.stream().filter(e -> e.split().equals(split)).toList();
            if (examples.isEmpty()) {
                continue;
            }
            Evaluation evaluation = Evaluation.of(classifier, examples);
            System.out.println(evaluation.report(split));
            if (errors && split.equals("dev")) {
                System.out.println(evaluation.errors(classifier));
            }
        }
    }

    /** The corpus on the test classpath, or the small hand-written dev sample if the corpus is not there. */
    public static List<Example> readDefault() {
        InputStream in = AccuracyReport.class.getResourceAsStream(CORPUS_RESOURCE);
        String source = "classpath:" + CORPUS_RESOURCE;
        if (in == null) {
            in = AccuracyReport.class.getResourceAsStream(DEV_SAMPLE_RESOURCE);
            source = "classpath:" + DEV_SAMPLE_RESOURCE;
            System.out.println("(corpus " + CORPUS_RESOURCE + " not found; using the dev sample)");
        }
        return read(in, source);
    }

    /** Whether the full corpus is on the classpath. */
    public static boolean corpusPresent() {
        return AccuracyReport.class.getResource(CORPUS_RESOURCE) != null;
    }

    public static List<Example> read(Path file) {
        try {
            return read(Files.newInputStream(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read", e);
        }
    }

    /** One JSON object per line: {"id", "split", "type", "headline", "description", "mainGroup", "atcCodes", "device", …}. */
    public static List<Example> read(InputStream in, String source) {
        ObjectMapper json = new ObjectMapper();
        List<Example> examples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                String type = text(node, "type");
                IncidentType expected;
                try {
                    expected = IncidentType.valueOf(type);
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new IllegalArgumentException(source + ": line " + number + ": unknown type " + type, e);
                }
                examples.add(new Example(text(node, "id"), text(node, "split"), expected,
                        new IncidentText(text(node, "headline"), text(node, "description"), text(node, "mainGroup"),
                                strings(node.get("atcCodes")), strings(node.has("deviceTypes") ? node.get("deviceTypes")
                                : node.get("device"))),
                        strings(node.get("features"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot be read", e);
        }
        return examples;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** An array of strings, a single string, or nothing. */
    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> {
                if (!n.isNull()) {
                    out.add(n.isTextual() ? n.asText() : n.toString());
                }
            });
        } else if (node.isObject()) {
            JsonNode type = node.get("type");
            out.add(type != null ? type.asText() : node.toString());
        } else {
            out.add(node.asText());
        }
        return out;
    }

    /** Counts of one split. */
    public static final class Evaluation {
        private static final IncidentType[] TYPES = IncidentType.values();
        private final int[][] confusion = new int[TYPES.length][TYPES.length];
        private final Map<String, int[]> byFeature = new TreeMap<>();
        private final List<Example> wrong = new ArrayList<>();
        private int total;
        private int correct;

        public static Evaluation of(IncidentTypeClassifier classifier, List<Example> examples) {
            Evaluation evaluation = new Evaluation();
            for (Example example : examples) {
                IncidentType predicted = classifier.classify(example.text()).type();
                evaluation.add(example, predicted);
            }
            return evaluation;
        }

        private void add(Example example, IncidentType predicted) {
            total++;
            boolean ok = predicted == example.expected();
            if (ok) {
                correct++;
            } else {
                wrong.add(example);
            }
            confusion[example.expected().ordinal()][predicted.ordinal()]++;
            for (String feature : example.features()) {
                int[] counts = byFeature.computeIfAbsent(feature, f -> new int[2]);
                counts[0] += ok ? 1 : 0;
                counts[1]++;
            }
        }

        public int total() {
            return total;
        }

        public double accuracy() {
            return total == 0 ? 0 : (double) correct / total;
        }

        public double precision(IncidentType type) {
            int predicted = 0;
            for (IncidentType actual : TYPES) {
                predicted += confusion[actual.ordinal()][type.ordinal()];
            }
            return predicted == 0 ? 0 : (double) confusion[type.ordinal()][type.ordinal()] / predicted;
        }

        public double recall(IncidentType type) {
            int support = support(type);
            return support == 0 ? 0 : (double) confusion[type.ordinal()][type.ordinal()] / support;
        }

        public double f1(IncidentType type) {
            double p = precision(type);
            double r = recall(type);
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public int support(IncidentType type) {
            int support = 0;
            for (int n : confusion[type.ordinal()]) {
                support += n;
            }
            return support;
        }

        public double macroF1() {
            double sum = 0;
            int types = 0;
            for (IncidentType type : TYPES) {
                if (support(type) > 0) {
                    sum += f1(type);
                    types++;
                }
            }
            return types == 0 ? 0 : sum / types;
        }

        /** The per-type table, overall accuracy, accuracy per corpus feature, and the confusion matrix. */
        public String report(String split) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "== Incident-type accuracy, split '%s' (%d reports) ==%n", split, total));
            out.append(String.format(Locale.ROOT, "%-32s %7s %9s %6s %6s %6s%n", "type", "support", "predicted",
                    "P", "R", "F1"));
            for (IncidentType type : TYPES) {
                int predicted = 0;
                for (IncidentType actual : TYPES) {
                    predicted += confusion[actual.ordinal()][type.ordinal()];
                }
                out.append(String.format(Locale.ROOT, "%-32s %7d %9d %6.3f %6.3f %6.3f%n", type, support(type), predicted,
                        precision(type), recall(type), f1(type)));
            }
            out.append(String.format(Locale.ROOT, "overall accuracy %.3f (%d/%d), macro-F1 %.3f%n", accuracy(), correct,
                    total, macroF1()));
            if (!byFeature.isEmpty()) {
                out.append("accuracy by corpus feature: ");
                List<String> parts = new ArrayList<>();
                byFeature.forEach((feature, c) -> parts.add(String.format(Locale.ROOT, "%s %d/%d", feature, c[0], c[1])));
                out.append(String.join(", ", parts)).append(System.lineSeparator());
            }
            out.append(confusionTable());
            return out.toString();
        }

        /** Rows: the labelled type; columns: the decided type. */
        public String confusionTable() {
            StringBuilder out = new StringBuilder("confusion matrix (rows: labelled, columns: decided)")
                    .append(System.lineSeparator());
            out.append(String.format(Locale.ROOT, "%-6s", ""));
            for (IncidentType type : TYPES) {
                out.append(String.format(Locale.ROOT, "%6s", abbreviation(type)));
            }
            out.append(System.lineSeparator());
            for (IncidentType actual : TYPES) {
                out.append(String.format(Locale.ROOT, "%-6s", abbreviation(actual)));
                for (IncidentType predicted : TYPES) {
                    int n = confusion[actual.ordinal()][predicted.ordinal()];
                    out.append(String.format(Locale.ROOT, "%6s", n == 0 ? "." : String.valueOf(n)));
                }
                out.append(System.lineSeparator());
            }
            out.append("MED medication, FALL fall, HAI infection, PU pressure ulcer, DEV device, BLOOD blood products, "
                    + "PROC clinical process, ADM clinical administration, DOC documentation, NUTR nutrition, O2 oxygen/gas, "
                    + "BEH behaviour, INFRA infrastructure, RES resources/organisation, OTHER other")
                    .append(System.lineSeparator());
            return out.toString();
        }

        /** The misclassified examples with their explanations (use on the dev split only). */
        public String errors(IncidentTypeClassifier classifier) {
            StringBuilder out = new StringBuilder("misclassified:").append(System.lineSeparator());
            for (Example example : wrong) {
                out.append(example.id()).append(" labelled ").append(example.expected()).append(": ")
                        .append(example.text().headline()).append(" | ").append(example.text().description())
                        .append(" | mainGroup=").append(example.text().mainGroup()).append(" atc=")
                        .append(example.text().atcCodes()).append(" device=").append(example.text().deviceTypes())
                        .append(System.lineSeparator()).append("  ")
                        .append(classifier.classify(example.text()).explain().replace("\n", "\n  "))
                        .append(System.lineSeparator());
            }
            return out.toString();
        }

        static String abbreviation(IncidentType type) {
            return switch (type) {
                case MEDICATION -> "MED";
                case PATIENT_ACCIDENT_FALL -> "FALL";
                case HEALTHCARE_ASSOCIATED_INFECTION -> "HAI";
                case PRESSURE_ULCER -> "PU";
                case MEDICAL_DEVICE -> "DEV";
                case BLOOD_PRODUCTS -> "BLOOD";
                case CLINICAL_PROCESS -> "PROC";
                case CLINICAL_ADMINISTRATION -> "ADM";
                case DOCUMENTATION -> "DOC";
                case NUTRITION -> "NUTR";
                case OXYGEN_GAS -> "O2";
                case BEHAVIOUR -> "BEH";
                case INFRASTRUCTURE -> "INFRA";
                case RESOURCES_ORGANISATION -> "RES";
                case OTHER -> "OTHER";
            };
        }
    }
}
