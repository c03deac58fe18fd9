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
import nl.nabij.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every role against every query and edge path, as the README's access matrix states it. A denied request gets a
 * FORBIDDEN error and no data at all for the operation; an anonymous one gets 401.
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
    }

    /** The matrix: per user, the outcome of each operation above, in order. */
    static Stream<Arguments> matrix() {
        Map<String, List<Outcome>> rows = new LinkedHashMap<>();
        rows.put(
                "professional",
                List.of(SEES_CASE, SEES_CASE, SEES_CASE, SEES_CASE, SEES, SEES, SEES, SEES, SEES, FORBIDDEN));
        rows.put(
                "outsider",
                List.of(FORBIDDEN, FORBIDDEN, WITHOUT_CASE, WITHOUT_CASE, SEES, SEES, SEES, SEES, SEES, FORBIDDEN));
        rows.put(
                "teamlead",
                List.of(SEES_CASE, SEES_CASE, SEES_CASE, SEES_CASE, SEES, SEES, SEES, SEES, SEES, FORBIDDEN));
        rows.put(
                "analyst",
                List.of(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, SEES, SEES, SEES, SEES, SEES, FORBIDDEN));
        rows.put(
                "volunteer",
                List.of(
                        FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, SEES, SEES,
                        FORBIDDEN));
        rows.put(
                "resident",
                List.of(
                        SEES_CASE, SEES_CASE, SEES_CASE, SEES_CASE, FORBIDDEN, FORBIDDEN, FORBIDDEN, SEES, SEES,
                        FORBIDDEN));
        rows.put("admin", List.of(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, SEES, SEES, SEES, SEES, SEES, FORBIDDEN));
        rows.put(
                "auditor",
                List.of(
                        FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,
                        FORBIDDEN, SEES));
        List<Arguments> cases = new ArrayList<>();
        List<String> operations = List.copyOf(OPERATIONS.keySet());
        rows.forEach((user, outcomes) -> {
            for (int i = 0; i < operations.size(); i++) {
                cases.add(Arguments.of(user, operations.get(i), outcomes.get(i)));
            }
        });
        return cases.stream();
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
