package dk.rm.patientsafety.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of qicharts2/expected.csv, written by the real qicharts2 0.8.1 (src/test/r/expected-values.R), must
 * be reproduced: doubles within 1e-9 relative (or 1e-12 absolute near 0), NA as NaN, integers and booleans exactly.
 */
class Qicharts2ReferenceTest {

    private static final String FIXTURE = "/qicharts2/expected.csv";
    private static final double RELATIVE = 1e-9;
    private static final double ABSOLUTE = 1e-12;

    record Row(Map<String, String> fields) {
        String get(String column) {
            String value = fields.get(column);
            if (value == null) {
                throw new IllegalStateException("no column " + column);
            }
            return value;
        }
    }

    record ReferenceCase(String name, List<Row> rows) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ReferenceCase> cases() throws IOException {
        Map<String, List<Row>> byCase = new LinkedHashMap<>();
        for (Row row : readFixture()) {
            byCase.computeIfAbsent(row.get("case"), k -> new ArrayList<>()).add(row);
        }
        return byCase.entrySet().stream().map(e -> new ReferenceCase(e.getKey(), e.getValue()));
    }

    @Test
    void fixtureCoversEveryChartType() throws IOException {
        List<Row> rows = readFixture();
        assertTrue(rows.size() >= 1000, "rows: " + rows.size());
        for (ChartType type : ChartType.values()) {
            assertTrue(rows.stream().anyMatch(r -> r.get("chart").equals(type.qicName())), "no case for " + type);
        }
        assertTrue(cases().count() >= 60);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void equalsQicharts2(ReferenceCase reference) {
        Row first = reference.rows().get(0);
        ChartSpec spec = spec(first.get("chart"), first.get("options"));
        List<Observation> observations = reference.rows().stream().map(Qicharts2ReferenceTest::observation).toList();
        Chart chart = Qic.chart(spec, observations);

        List<Executable> checks = new ArrayList<>();
        assertEquals(reference.rows().size(), chart.points().size());
        for (int i = 0; i < reference.rows().size(); i++) {
            Row row = reference.rows().get(i);
            ChartPoint point = chart.points().get(i);
            RunsAnalysis runs = chart.runs().stream().filter(r -> r.part() == point.part()).findFirst().orElseThrow();
            String at = reference.name() + " index " + i + " ";
            checks.add(() -> assertEquals(Integer.parseInt(row.get("index")), point.index(), at + "index"));
            checks.add(() -> assertDouble(row.get("y"), point.value(), at + "y"));
            checks.add(() -> assertDouble(row.get("n"), point.denominator(), at + "n"));
            checks.add(() -> assertDouble(row.get("cl"), point.centreLine(), at + "cl"));
            checks.add(() -> assertDouble(row.get("lcl"), point.lowerLimit(), at + "lcl"));
            checks.add(() -> assertDouble(row.get("ucl"), point.upperLimit(), at + "ucl"));
            checks.add(() -> assertEquals(bool(row.get("sigma_signal")), point.sigmaSignal(), at + "sigma.signal"));
            checks.add(() -> assertEquals(bool(row.get("baseline")), point.baseline(), at + "baseline"));
            checks.add(() -> assertEquals(Integer.parseInt(row.get("part")), point.part(), at + "part"));
            checks.add(() -> assertEquals(bool(row.get("runs_signal")), runs.runsSignal(), at + "runs.signal"));
            checks.add(() -> assertEquals(Integer.parseInt(row.get("n_useful")), runs.usefulObservations(), at + "n.useful"));
            checks.add(() -> assertRunsInt(row.get("longest_run"), runs, runs.longestRun(), at + "longest.run"));
            checks.add(() -> assertRunsInt(row.get("longest_run_max"), runs, runs.longestRunLimit(), at + "longest.run.max"));
            checks.add(() -> assertRunsInt(row.get("n_crossings"), runs, runs.crossings(), at + "n.crossings"));
            checks.add(() -> assertRunsInt(row.get("n_crossings_min"), runs, runs.crossingsLimit(), at + "n.crossings.min"));
        }
        org.junit.jupiter.api.Assertions.assertAll(reference.name(), checks);
    }

    /** NA in R means "no runs analysis"; the Java convention is 0 with usefulObservations 0. */
    private static void assertRunsInt(String expected, RunsAnalysis runs, int actual, String message) {
        if (expected.equals("NA")) {
            assertEquals(0, runs.usefulObservations(), message + ": NA only without useful observations");
            assertEquals(0, actual, message + ": NA is represented as 0");
        } else {
            assertEquals(Integer.parseInt(expected), actual, message);
        }
    }

    static void assertDouble(String expected, double actual, String message) {
        if (expected.equals("NA") || expected.equals("NaN")) {
            assertTrue(Double.isNaN(actual), message + ": expected NA but was " + actual);
            return;
        }
        double e = Double.parseDouble(expected);
        double tolerance = Math.max(ABSOLUTE, RELATIVE * Math.max(Math.abs(e), Math.abs(actual)));
        if (!(Math.abs(e - actual) <= tolerance)) {
            fail(message + ": expected " + expected + " but was " + actual);
        }
    }

    static ChartSpec spec(String chart, String options) {
        ChartSpec spec = ChartSpec.of(ChartType.fromQicName(chart));
        for (String option : options.split(";")) {
            String[] keyValue = option.split("=", 2);
            String value = keyValue[1];
            if (value.isEmpty()) {
                continue;
            }
            spec = switch (keyValue[0]) {
                case "freeze" -> spec.withFreeze(Integer.parseInt(value));
                case "part" -> spec.withParts(Arrays.stream(value.split("\\|")).map(Integer::valueOf).toList());
                case "multiply" -> spec.withMultiply(Double.parseDouble(value));
                default -> throw new IllegalStateException("unknown option " + option);
            };
        }
        return spec;
    }

    static Observation observation(Row row) {
        double y = number(row.get("y_in"));
        String n = row.get("n_in");
        return n.isEmpty() ? Observation.count(y) : Observation.of(y, number(n));
    }

    private static double number(String text) {
        return text.equals("NA") || text.equals("NaN") ? Double.NaN : Double.parseDouble(text);
    }

    private static boolean bool(String text) {
        return switch (text) {
            case "TRUE" -> true;
            case "FALSE" -> false;
            default -> throw new IllegalStateException("not a logical: " + text);
        };
    }

    static List<Row> readFixture() throws IOException {
        try (var in = Qicharts2ReferenceTest.class.getResourceAsStream(FIXTURE)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + FIXTURE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = reader.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
            String[] header = lines.get(0).split(",", -1);
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] values = line.split(",", -1);
                if (values.length != header.length) {
                    throw new IllegalStateException("bad fixture line: " + line);
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    fields.put(header[i], values[i]);
                }
                rows.add(new Row(fields));
            }
            return rows;
        }
    }
}
