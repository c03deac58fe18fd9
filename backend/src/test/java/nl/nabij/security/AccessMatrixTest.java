package nl.nabij.security;

import static nl.nabij.security.AccessMatrixTest.Outcome.FORBIDDEN;
import static nl.nabij.security.AccessMatrixTest.Outcome.SEES;
import static nl.nabij.security.AccessMatrixTest.Outcome.SEES_CASE;
import static nl.nabij.security.AccessMatrixTest.Outcome.WITHOUT_CASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.nabij.seed.SeedData;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestTokens;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every role against every query and edge path, as the access matrix of docs/explanation/access-control.md states it.
 * A denied request gets a FORBIDDEN error and no data at all for the operation; an anonymous one gets 401.
 */
@NabijIntegrationTest
class AccessMatrixTest {

    enum Outcome {
        /** The answer holds data and no error. */
        SEES,
        /** The answer holds the documented case's household. */
        SEES_CASE,
        /** The answer holds no error and not the documented case's household. */
        WITHOUT_CASE,
        /** A FORBIDDEN error and no data for the operation. */
        FORBIDDEN
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SeedData SEED = SeedData.fromClasspath();
    private static final SeedData.Household CASE = SEED.caseHousehold();

    /** The operations, each a query and the root field it answers in. */
    static final Map<String, String> OPERATIONS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("household", "{ household(id: \"" + CASE.id() + "\") { id members { displayName } } }");
        OPERATIONS.put(
                "householdOfResident",
                "{ householdOfResident(bsn: \"" + CASE.members().get(0).bsn() + "\") { id } }");
        OPERATIONS.put("householdsAtAddress", "{ householdsAtAddress(postcode: \"1311HV\", houseNumber: 15) { id } }");
        OPERATIONS.put(
                "households",
                "{ households(neighbourhoodCode: \"" + CASE.neighbourhoodCode() + "\", first: 100) {"
                        + " edges { node { id } } } }");
        OPERATIONS.put(
                "organisations", "{ organisations(first: 3) { edges { node { name professionals { name } } } } }");
        OPERATIONS.put("teams", "{ teams { edges { node { name members { name } } } } }");
        OPERATIONS.put(
                "professional",
                "{ professional(id: \"" + SEED.professionals().get(0).id() + "\") { name organisation { name } } }");
        OPERATIONS.put(
                "vindplaatsen", "{ vindplaatsen(first: 3) { edges { node { name teamsInContact { name } } } } }");
        OPERATIONS.put("municipality", "{ municipality { districts { neighbourhoods { name } } } }");
        OPERATIONS.put("auditChainCheck", "{ auditChainCheck { intact } }");
        OPERATIONS.put("auditEvents", "{ auditEvents(first: 2) { edges { node { sequence subjects } } } }");
        OPERATIONS.put("myData", "{ myData { resident { displayName } accessLog { who } } }");
        OPERATIONS.put("myAccessLog", "{ myAccessLog(first: 2) { totalCount records { who } } }");
        OPERATIONS.put(
                "withdrawConsent",
                "mutation { withdrawConsent(input: {consentId: \"not-a-uuid\"}) { errors { code } } }");
        OPERATIONS.put("accounts", "{ accounts(first: 3) { edges { node { username professional { name } } } } }");
        OPERATIONS.put("accountGrants", "{ accountGrants(first: 3) { edges { node { account role requestedBy } } } }");
        OPERATIONS.put(
                "overlaps",
                "{ overlaps(scope: {neighbourhoodCode: \"" + CASE.neighbourhoodCode() + "\"}) {"
                        + " edges { node { household { id } } } } }");
        OPERATIONS.put("myNotifications", "{ myNotifications(first: 1) { edges { node { kind } } } }");
        // The mutations get input they refuse with a typed error, so every cell runs without changing the data.
        OPERATIONS.put(
                "createOrganisation",
                "mutation { createOrganisation(input: {name: \"x\", kind: WELFARE, careLine: FIRST}) {"
                        + " errors { code } } }");
        OPERATIONS.put(
                "eraseResident",
                "mutation { eraseResident(input: {bsn: \"1\", requestReference: \"AVG-0\"}) { errors { code } } }");
        OPERATIONS.put(
                "approveAccountGrant",
                "mutation { approveAccountGrant(input: {grantId: \"not-a-uuid\"}) { errors { code } } }");
        OPERATIONS.put(
                "registerInvolvement",
                "mutation { registerInvolvement(input: {bsn: \"1\", domain: WMO, since: \"2026-01-01\"}) {"
                        + " errors { code } } }");
        OPERATIONS.put(
                "assignCoordinator",
                "mutation { assignCoordinator(input: {householdId: \"x\", professionalId: \"y\"}) {"
                        + " errors { code } } }");
    }

    /** The matrix: per user, the outcome of each operation above, in order. */
    static Stream<Arguments> matrix() {
        Map<String, Row> rows = new LinkedHashMap<>();
        // household, householdOfResident, householdsAtAddress, households, organisations, teams, professional,
        // vindplaatsen, municipality, auditChainCheck, auditEvents, myData, withdrawConsent, accounts, accountGrants,
        // createOrganisation, eraseResident, approveAccountGrant
        rows.put(
                "professional",
                row(SEES_CASE, SEES_CASE, SEES_CASE, SEES_CASE, SEES, SEES, SEES, SEES, SEES)
                        .with("overlaps", SEES_CASE)
                        .with("myNotifications", SEES)
                        .with("registerInvolvement", SEES)
                        .with("assignCoordinator", SEES));
        rows.put(
                "outsider",
                row(WITHOUT_CASE, WITHOUT_CASE, WITHOUT_CASE, WITHOUT_CASE, SEES, SEES, SEES, SEES, SEES)
                        .with("overlaps", WITHOUT_CASE)
                        .with("myNotifications", SEES)
                        .with("registerInvolvement", SEES)
                        .with("assignCoordinator", SEES));
        rows.put(
                "teamlead",
                row(SEES_CASE, SEES_CASE, SEES_CASE, SEES_CASE, SEES, SEES, SEES, SEES, SEES)
                        .with("overlaps", SEES_CASE)
                        .with("myNotifications", SEES)
                        .with("registerInvolvement", SEES)
                        .with("assignCoordinator", SEES));
        rows.put("analyst", row(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, SEES, SEES, SEES, SEES, SEES));
        rows.put(
                "volunteer",
                row(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, SEES, SEES));
        rows.put(
                "resident",
                row(SEES_CASE, SEES_CASE, SEES_CASE, SEES_CASE, FORBIDDEN, FORBIDDEN, FORBIDDEN, SEES, SEES)
                        .with("myData", SEES)
                        .with("myAccessLog", SEES)
                        .with("withdrawConsent", SEES));
        rows.put(
                "admin",
                row(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, SEES, SEES, SEES, SEES, SEES)
                        .with("accounts", SEES)
                        .with("accountGrants", SEES)
                        .with("createOrganisation", SEES)
                        .with("eraseResident", SEES)
                        .with("approveAccountGrant", SEES));
        rows.put(
                "auditor",
                row(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN)
                        .with("auditChainCheck", SEES)
                        .with("auditEvents", SEES)
                        .with("accountGrants", SEES));
        List<Arguments> cases = new ArrayList<>();
        List<String> operations = List.copyOf(OPERATIONS.keySet());
        rows.forEach((user, outcomes) -> {
            for (String operation : operations) {
                cases.add(Arguments.of(user, operation, outcomes.outcomes().get(operation)));
            }
        });
        return cases.stream();
    }

    /** One user's row: the nine shared queries as given, every operation after them FORBIDDEN unless changed. */
    record Row(Map<String, Outcome> outcomes) {

        Row with(String operation, Outcome outcome) {
            Map<String, Outcome> changed = new LinkedHashMap<>(outcomes);
            changed.replace(operation, outcome);
            return new Row(changed);
        }
    }

    private static Row row(Outcome... sharedQueries) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<String> operations = List.copyOf(OPERATIONS.keySet());
        for (int i = 0; i < operations.size(); i++) {
            outcomes.put(operations.get(i), i < sharedQueries.length ? sharedQueries[i] : FORBIDDEN);
        }
        return new Row(outcomes);
    }

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @MethodSource("matrix")
    void eachRoleSeesWhatItsNeedToKnowAllows(String user, String operation, Outcome expected) throws Exception {
        var answer = post(OPERATIONS.get(operation), TestUsers.bearer(userNamed(user)));
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        JsonNode data = body.path("data").path(operation);
        JsonNode errors = body.path("errors");

        switch (expected) {
            case SEES -> {
                assertThat(errors.isMissingNode()).as(answer.body()).isTrue();
                assertThat(data.isNull() || data.isMissingNode())
                        .as(answer.body())
                        .isFalse();
            }
            case SEES_CASE -> {
                assertThat(errors.isMissingNode()).as(answer.body()).isTrue();
                assertThat(answer.body()).contains(CASE.id());
            }
            case WITHOUT_CASE -> {
                assertThat(errors.isMissingNode()).as(answer.body()).isTrue();
                assertThat(answer.body()).doesNotContain(CASE.id());
            }
            case FORBIDDEN -> {
                assertThat(errors.get(0)
                                .path("extensions")
                                .path("classification")
                                .asString())
                        .as(answer.body())
                        .isEqualTo("FORBIDDEN");
                assertThat(data.isNull() || data.isMissingNode())
                        .as("no data for a denied operation: " + answer.body())
                        .isTrue();
                assertThat(answer.body())
                        .doesNotContain(CASE.id(), CASE.members().get(0).displayName());
            }
        }
    }

    @ParameterizedTest(name = "anonymous → {0}: 401")
    @MethodSource("operations")
    void withoutCredentialsEveryOperationIs401(String operation) throws Exception {
        var answer = post(OPERATIONS.get(operation), null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).doesNotContain(CASE.id());
    }

    @ParameterizedTest(name = "{0} → __typename")
    @MethodSource("usersAndAnonymous")
    void anyoneMayAskForTheTypeNameWhichReadsNothing(String user) throws Exception {
        var answer = post("{ __typename }", user.equals("anonymous") ? null : TestUsers.bearer(userNamed(user)));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree("{\"data\":{\"__typename\":\"Query\"}}"));
    }

    @ParameterizedTest(name = "a token with nabij_role \"{0}\" → 401")
    @ValueSource(strings = {"", "SUPERUSER", "team_lead"})
    void aTokenThatNamesNoKnownRoleIsRefusedAsInvalid(String role) throws Exception {
        var claims =
                TestTokens.claimsFor(TestUsers.demo(Role.TEAM_LEAD)).claim("nabij_role", role.isEmpty() ? null : role);

        var answer = post("{ apiVersion }", "Bearer " + TestTokens.signed(claims.build()));

        assertThat(answer.statusCode()).isEqualTo(401);
    }

    static Stream<String> usersAndAnonymous() {
        return Stream.of(
                "anonymous",
                "outsider",
                "professional",
                "teamlead",
                "analyst",
                "volunteer",
                "resident",
                "admin",
                "auditor");
    }

    static Stream<String> operations() {
        return OPERATIONS.keySet().stream();
    }

    private static nl.nabij.security.NabijUser userNamed(String name) {
        return switch (name) {
            case "outsider" -> TestUsers.outsider();
            case "professional" -> TestUsers.demo(Role.PROFESSIONAL);
            case "teamlead" -> TestUsers.demo(Role.TEAM_LEAD);
            case "analyst" -> TestUsers.demo(Role.ANALYST);
            case "volunteer" -> TestUsers.demo(Role.VOLUNTEER);
            case "resident" -> TestUsers.demo(Role.RESIDENT);
            case "admin" -> TestUsers.demo(Role.ADMINISTRATOR);
            case "auditor" -> TestUsers.demo(Role.AUDITOR);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private HttpResponse<String> post(String query, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
