package dk.rm.patientsafety.taxonomy.bench;

import dk.rm.patientsafety.taxonomy.AccuracyReport;
import dk.rm.patientsafety.taxonomy.IncidentText;
import dk.rm.patientsafety.taxonomy.IncidentTypeClassifier;
import dk.rm.patientsafety.taxonomy.TypeDecision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Classifications per second over the corpus texts (every split, in turn), one thread, default rules.
 *
 * <pre>./mvnw -q -pl services/incident-taxonomy -Pjmh test-compile exec:exec</pre>
 * (the short run: 1 fork, 3 × 1 s warm-up, 3 × 1 s measurement; other JMH options with -Djmh.args="…").
 * It is compiled by the normal build but only run by that command.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IncidentTypeClassifierBenchmark {

    private IncidentTypeClassifier classifier;
    private IncidentText[] texts;
    private int next;

    @Setup
    public void setUp() {
        classifier = IncidentTypeClassifier.defaults();
        texts = AccuracyReport.readDefault().stream().map(AccuracyReport.Example::text).toArray(IncidentText[]::new);
    }

    @Benchmark
    public TypeDecision classify() {
        IncidentText text = texts[next];
        next = next + 1 == texts.length ? 0 : next + 1;
        return classifier.classify(text);
    }
}
