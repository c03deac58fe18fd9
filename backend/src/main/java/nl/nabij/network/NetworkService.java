package nl.nabij.network;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.nabij.api.InvalidArgumentException;
import nl.nabij.disclosure.DisclosureControl;
import nl.nabij.disclosure.DisclosurePolicy;
import nl.nabij.security.NabijUser;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network questions: an area's network, what it misses, and two networks side by side. A reader under disclosure
 * control gets the network as it stood on the first of the month asked about, and sees what the policy lets them see
 * of it ({@link NetworkFacts#disclosed}).
 */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(NetworkProperties.class)
public class NetworkService {

    private final NetworkQueries queries;
    private final NetworkProperties properties;
    private final Clock clock;
    private final DisclosureControl disclosure;

    NetworkService(NetworkQueries queries, NetworkProperties properties, Clock clock, DisclosureControl disclosure) {
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
        this.disclosure = disclosure;
    }

    /** The network of a neighbourhood or district, as it stood on {@code asOf} (today when null). */
    public Network network(String code, LocalDate asOf, NabijUser reader) {
        DisclosurePolicy policy = disclosure.policyFor(reader);
        NetworkScope scope = scope(code, asOf, policy);
        return NetworkAnalysis.of(scope, queries.facts(scope).disclosed(policy), policy);
    }

    /**
     * What the area's network misses; predicted links need at least {@code minimumSharedHouseholds}, which under
     * disclosure control is raised to the minimum cell size.
     */
    public MissingLinks missingLinks(String code, LocalDate asOf, int minimumSharedHouseholds, NabijUser reader) {
        if (minimumSharedHouseholds < 1 || minimumSharedHouseholds > 100) {
            throw new InvalidArgumentException(
                    "minimumSharedHouseholds", "OUT_OF_RANGE", "minimumSharedHouseholds is 1 to 100");
        }
        DisclosurePolicy policy = disclosure.policyFor(reader);
        NetworkScope scope = scope(code, asOf, policy);
        return MissingLinks.of(
                queries.facts(scope).disclosed(policy),
                properties.referenceDisciplines(),
                minimumSharedHouseholds,
                policy);
    }

    /** Two areas, or one area on two days, side by side: every figure of each, and the difference. */
    public NetworkComparison compare(
            String firstCode, LocalDate firstAsOf, String secondCode, LocalDate secondAsOf, NabijUser reader) {
        DisclosurePolicy policy = disclosure.policyFor(reader);
        NetworkFigures first = figures(firstCode, firstAsOf, policy);
        NetworkFigures second = figures(secondCode, secondAsOf, policy);
        List<NetworkComparison.Difference> differences = new ArrayList<>();
        for (int i = 0; i < first.figures().size(); i++) {
            NetworkFigures.Figure a = first.figures().get(i);
            NetworkFigures.Figure b = second.figures().get(i);
            differences.add(new NetworkComparison.Difference(a.name(), a.value(), b.value(), b.value() - a.value()));
        }
        return new NetworkComparison(first.scope(), second.scope(), differences);
    }

    private NetworkFigures figures(String code, LocalDate asOf, DisclosurePolicy policy) {
        NetworkScope scope = scope(code, asOf, policy);
        NetworkFacts facts = queries.facts(scope).disclosed(policy);
        return NetworkFigures.of(
                NetworkAnalysis.of(scope, facts, policy),
                MissingLinks.of(facts, properties.referenceDisciplines(), 2, policy));
    }

    private NetworkScope scope(String code, LocalDate asOf, DisclosurePolicy policy) {
        if (code == null || !code.matches("(BU\\d{8}|WK\\d{6})")) {
            throw new InvalidArgumentException(
                    "code", "MALFORMED_CODE", "code is a CBS neighbourhood (BU + 8 digits) or district (WK + 6) code");
        }
        return queries.scope(code, policy.firstOfMonth(asOf == null ? LocalDate.now(clock) : asOf))
                .orElseThrow(() -> new InvalidArgumentException(
                        "code", "UNKNOWN_AREA", "no neighbourhood or district has this code"));
    }
}
