package nl.nabij.bench;

import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * One kind of request the load driver repeats: its GraphQL document, whom it is sent as, and how many clients send
 * it at once. {@link #next()} is called from every client and returns null once a scenario has run out of requests.
 */
record Scenario(String name, int clients, Supplier<Request> requests) {

    /** A request's body and the headers that sign it in. */
    record Request(String body, Map<String, String> headers) {

        Request(String body, String authorization) {
            this(body, Map.of("Authorization", authorization));
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String TYPENAME = "{ __typename }";

    /** The README's first query, by id: members, involvements, coordinator and overlap with its pairs. */
    static final String HOUSEHOLD =
            """
            query ($id: ID!) { household(id: $id) { id address { postcode houseNumber } neighbourhood { code name }
              members { displayName birthYear role } coordinator { name }
              involvements { domain since status professional { name discipline } organisation { name kind careLine }
                             team { name } resident { displayName } }
              overlap { involvementCount professionalCount organisationCount uncoordinatedPairCount
                        uncoordinatedPairs { first { name } second { name } } } } }""";

    static final String OVERLAPS =
            """
            query ($scope: OverlapScopeInput!) { overlaps(scope: $scope, first: 20) {
              edges { node { household { id address { postcode houseNumber } } professionalCount organisationCount
                             unlinkedPairCount severity hasCoordinator
                             suggestedCoordinator { professional { name discipline } ruleCode } } }
              pageInfo { hasNextPage endCursor } } }""";

    static final String NETWORK =
            """
            query ($code: String!) { neighbourhoodNetwork(code: $code) {
              scope { code name neighbourhoodCodes asOf }
              nodes { id kind label degree weightedDegree betweenness component isolated }
              edges { source target kind weight }
              density componentCount
              informalVindplaatsen { total inContact } formalVindplaatsen { total inContact } } }""";

    static final String REGISTER =
            """
            mutation ($input: RegisterInvolvementInput!) { registerInvolvement(input: $input) {
              created involvement { id status expiresOn } errors { field code } } }""";

    Request next() {
        return requests.get();
    }

    static Scenario typename(String teamLead) {
        Request request = new Request(body(TYPENAME, Map.of()), bearer(teamLead));
        return new Scenario("typename", 32, () -> request);
    }

    /** The cheapest operation every role may call: sign-in, the endpoint's limits and GraphQL, no database. */
    static Scenario apiVersion(String teamLead) {
        Request request = new Request(body("{ apiVersion }", Map.of()), bearer(teamLead));
        return new Scenario("api-version", 32, () -> request);
    }

    static Scenario household(String name, List<String> householdIds, String authorization) {
        return household(name, householdIds, Map.of("Authorization", authorization));
    }

    static Scenario household(String name, List<String> householdIds, Map<String, String> headers) {
        return new Scenario(
                name,
                32,
                () -> new Request(
                        body(
                                HOUSEHOLD,
                                Map.of(
                                        "id",
                                        householdIds.get(
                                                ThreadLocalRandom.current().nextInt(householdIds.size())))),
                        headers));
    }

    static Scenario overlaps(String name, Map<String, Object> scope, String teamLead) {
        Request request = new Request(body(OVERLAPS, Map.of("scope", scope)), bearer(teamLead));
        return new Scenario(name, 1, () -> request);
    }

    static Scenario network(String districtCode, String analyst) {
        Request request = new Request(body(NETWORK, Map.of("code", districtCode)), bearer(analyst));
        return new Scenario("network-district", 1, () -> request);
    }

    /** Each registration is used once, by the professional it names, so every call creates an involvement. */
    static Scenario register(List<CityFixture.Registration> registrations, Tokens tokens) {
        AtomicInteger next = new AtomicInteger();
        Map<String, String> tokenOf = new ConcurrentHashMap<>();
        String since = LocalDate.now().toString();
        return new Scenario("register", 32, () -> {
            int index = next.getAndIncrement();
            if (index >= registrations.size()) {
                return null;
            }
            CityFixture.Registration registration = registrations.get(index);
            String token = tokenOf.computeIfAbsent(
                    registration.professionalId(),
                    id -> tokens.issue("bench-" + id, "PROFESSIONAL", id, registration.organisationId()));
            Map<String, Object> input = Map.of(
                    "householdId",
                    registration.householdId(),
                    "domain",
                    registration.domain(),
                    "since",
                    since,
                    "clientMutationId",
                    "bench-" + index);
            return new Request(body(REGISTER, Map.of("input", input)), bearer(token));
        });
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes());
    }

    Scenario withClients(int count) {
        return new Scenario(name, count, requests);
    }

    private static String body(String query, Map<String, Object> variables) {
        return JSON.writeValueAsString(Map.of("query", query, "variables", variables));
    }
}
