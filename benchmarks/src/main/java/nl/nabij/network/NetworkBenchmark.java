package nl.nabij.network;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.nabij.disclosure.DisclosurePolicy;
import nl.nabij.seed.city.CityGenerator;
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
 * What the application computes in process for {@code neighbourhoodNetwork} and {@code missingLinks} once the one
 * statement has read a district's facts: the JGraphT metrics, and the missing links with the Adamic–Adar ranking of
 * predicted links. The facts are those of a district of the Almere-like city (about 20,000 residents).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NetworkBenchmark {

    private static final List<String> REFERENCE_DISCIPLINES =
            List.of("DISTRICT_NURSING", "YOUTH_HEALTH_CARE", "WORK_AND_INCOME", "DEBT_COUNSELLING", "MENTAL_HEALTH");

    /** As an analyst reads: under disclosure control with the default k, the costlier of the two ways to read. */
    private static final DisclosurePolicy ANALYST = new DisclosurePolicy(10, true, LocalDate.now());

    private DistrictFacts.Area district;

    @Setup
    public void readDistrict() {
        district = DistrictFacts.firstDistrict(CityGenerator.DEFAULT_RESIDENTS, CityGenerator.DEFAULT_SEED);
    }

    @Benchmark
    public Network networkWithMetrics() {
        return NetworkAnalysis.of(district.scope(), district.facts(), ANALYST);
    }

    @Benchmark
    public MissingLinks missingLinksWithAdamicAdarRanking() {
        return MissingLinks.of(district.facts(), REFERENCE_DISCIPLINES, 2, ANALYST);
    }
}
