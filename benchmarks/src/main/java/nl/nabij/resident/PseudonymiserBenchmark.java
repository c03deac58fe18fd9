package nl.nabij.resident;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of turning a BSN into its pseudonym, paid on every registration and lookup by BSN: the elfproef and the
 * HMAC-SHA-256 with the configured secret.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PseudonymiserBenchmark {

    /** A synthetic BSN that passes the elfproef, from the demo data. */
    private static final String BSN = "793710832";

    private Pseudonymiser pseudonymiser;
    private Bsn parsed;

    @Setup
    public void configure() {
        pseudonymiser =
                new Pseudonymiser(new PseudonymProperties("a benchmark secret of at least thirty-two chars", null));
        parsed = Bsn.parse(BSN).orElseThrow();
    }

    @Benchmark
    public String pseudonymiseText() {
        return pseudonymiser.pseudonymise(BSN);
    }

    @Benchmark
    public String pseudonymiseParsed() {
        return pseudonymiser.pseudonymise(parsed);
    }
}
