package nl.nabij.network;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.nabij.api.InvalidArgumentException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The network questions: an area's network, what it misses, and two networks side by side. */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(NetworkProperties.class)
public class NetworkService {

    private final NetworkQueries queries;
    private final NetworkProperties properties;
    private final Clock clock;

    NetworkService(NetworkQueries queries, NetworkProperties properties, Clock clock) {
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    /** The network of a neighbourhood or district, as it stood on {@code asOf} (today when null). */
    public Network network(String code, LocalDate asOf) {
        NetworkScope scope = scope(code, asOf);
        return NetworkAnalysis.of(scope, queries.facts(scope));
    }

    /** What the area's network misses; predicted links need at least {@code minimumSharedHouseholds}. */
    public MissingLinks missingLinks(String code, LocalDate asOf, int minimumSharedHouseholds) {
        if (minimumSharedHouseholds < 1 || minimumSharedHouseholds > 100) {
            throw new InvalidArgumentException(
                    "minimumSharedHouseholds", "OUT_OF_RANGE", "minimumSharedHouseholds is 1 to 100");
        }
        NetworkScope scope = scope(code, asOf);
        return MissingLinks.of(queries.facts(scope), properties.referenceDisciplines(), minimumSharedHouseholds);
    }

    /** Two areas, or one area on two days, side by side: every figure of each, and the difference. */
    public NetworkComparison compare(String firstCode, LocalDate firstAsOf, String secondCode, LocalDate secondAsOf) {
        NetworkFigures first = figures(firstCode, firstAsOf);
        NetworkFigures second = figures(secondCode, secondAsOf);
        List<NetworkComparison.Difference> differences = new ArrayList<>();
        for (int i = 0; i < first.figures().size(); i++) {
            NetworkFigures.Figure a = first.figures().get(i);
            NetworkFigures.Figure b = second.figures().get(i);
            differences.add(new NetworkComparison.Difference(a.name(), a.value(), b.value(), b.value() - a.value()));
        }
        return new NetworkComparison(first.scope(), second.scope(), differences);
    }

    private NetworkFigures figures(String code, LocalDate asOf) {
        NetworkScope scope = scope(code, asOf);
        NetworkFacts facts = queries.facts(scope);
        return NetworkFigures.of(
                NetworkAnalysis.of(scope, facts), MissingLinks.of(facts, properties.referenceDisciplines(), 2));
    }

    private NetworkScope scope(String code, LocalDate asOf) {
        if (code == null || !code.matches("(BU\\d{8}|WK\\d{6})")) {
            throw new InvalidArgumentException(
                    "code", "MALFORMED_CODE", "code is a CBS neighbourhood (BU + 8 digits) or district (WK + 6) code");
        }
        return queries.scope(code, asOf == null ? LocalDate.now(clock) : asOf)
                .orElseThrow(() -> new InvalidArgumentException(
                        "code", "UNKNOWN_AREA", "no neighbourhood or district has this code"));
    }
}
