package dk.rm.patientsafety.classifier.bench;

import dk.rm.patientsafety.classifier.IncidentClassifier;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentReported;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Classified incidents per second for the whole decision of {@link IncidentClassifier} (severity, type, SAC score,
 * responsible unit and recipients, cross-sector flag, every explanation, the {@code IncidentClassified} record), one
 * thread, shipped rules, over the reports {@link CorpusReports} builds from the corpus, in turn. No Kafka, no serde:
 * {@link ClassifierLoadHarness} measures the stream.
 *
 * <pre>./mvnw -q -pl services/classifier -Pjmh test-compile exec:exec</pre>
 * (the short run: 1 fork, 3 × 1 s warm-up, 3 × 1 s measurement; other JMH options with -Djmh.args="…").
 * It is compiled by the normal build but only run by that command.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IncidentClassifierBenchmark {

    private IncidentClassifier classifier;
    private IncidentReported[] reports;
    private int next;

    @Setup
    public void setUp() {
        classifier = CorpusReports.classifier(Clock.systemUTC());
        reports = CorpusReports.read(CorpusReports.corpus()).toArray(IncidentReported[]::new);
    }

    @Benchmark
    public IncidentClassified classify() {
        IncidentReported report = reports[next];
        next = next + 1 == reports.length ? 0 : next + 1;
        return classifier.classify(report);
    }
}
