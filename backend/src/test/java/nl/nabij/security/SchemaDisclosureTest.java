package nl.nabij.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the schema tells whom: staff may introspect and read the SDL, other roles may not, by either door; a request
 * without credentials learns nothing from validation (a real field and a misspelled one both get 401); and no error
 * message names a class of the libraries behind the endpoint.
 */
@NabijIntegrationTest
class SchemaDisclosureTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private HttpResponse<String> post(NabijUser user, String document, Map<String, Object> variables) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        if (variables != null) {
            body.put("variables", variables);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (user != null) {
            request.header("Authorization", TestUsers.bearer(user));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> schema(NabijUser user) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql/schema"));
        if (user != null) {
            request.header("Authorization", TestUsers.bearer(user));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void staffIntrospectAndReadTheSchemaAndNoOtherRoleDoes() throws Exception {
        NabijUser teamLead = TestUsers.teamLead();
        assertThat(post(teamLead, "{ __schema { queryType { name } } }", null).body())
                .contains("\"queryType\":{\"name\":\"Query\"}");
        assertThat(post(teamLead, "{ __type(name: \"Household\") { name } }", null)
                        .body())
                .contains("\"__type\":{\"name\":\"Household\"}");
        assertThat(schema(teamLead).statusCode()).isEqualTo(200);
        assertThat(schema(teamLead).body()).contains("type Query");

        for (Role role : new Role[] {Role.VOLUNTEER, Role.RESIDENT, Role.AUDITOR}) {
            NabijUser user = TestUsers.demo(role);
            assertThat(post(user, "{ __schema { queryType { name } } }", null).body())
                    .as(role.name())
                    .contains("FORBIDDEN")
                    .doesNotContain("\"Query\"");
            assertThat(post(user, "{ __type(name: \"Household\") { name } }", null)
                            .body())
                    .as(role.name())
                    .contains("FORBIDDEN")
                    .doesNotContain("\"Household\"");
            assertThat(post(user, "{ __typename }", null).body())
                    .as(role.name())
                    .contains("\"__typename\":\"Query\"");
            assertThat(schema(user).statusCode()).as(role.name()).isEqualTo(403);
        }
        assertThat(schema(null).statusCode()).isEqualTo(401);
    }

    @Test
    void withoutCredentialsARealFieldAndAMisspelledOneAreBoth401() throws Exception {
        for (String document : new String[] {
            "{ teams { edges { cursor } } }",
            "{ teamz }",
            "{ socialMap { edges { node { nam } } } teams { edges { cursor } } }",
            "query { ...secret } fragment secret on Query { households(neighbourhoodCode: \"BU1\") { edges { cursor } } }",
            "{ __schema { types { name } } }",
            "{ __type(name: \"Household\") { fields { name } } }"
        }) {
            HttpResponse<String> answer = post(null, document, null);

            assertThat(answer.statusCode()).as(document).isEqualTo(401);
            assertThat(answer.body()).as(document).doesNotContain("Query", "Household", "Team");
        }
        assertThat(post(null, "{ __typename }", null).statusCode()).isEqualTo(200);
        assertThat(post(null, "{ teams(", null).statusCode()).isEqualTo(400);
    }

    @Test
    void noErrorMessageNamesALibraryClass() throws Exception {
        NabijUser teamLead = TestUsers.teamLead();
        String[] answers = {
            post(teamLead, "{ householdsAtAddress(postcode: 1311, houseNumber: 15) { id } }", null)
                    .body(),
            post(teamLead, "{ householdsAtAddress(postcode: {a: [1, \"b\"]}, houseNumber: \"15\") { id } }", null)
                    .body(),
            post(
                            teamLead,
                            "query($p: String!) { householdsAtAddress(postcode: $p, houseNumber: 15) { id } }",
                            Map.of("p", Map.of("a", 1)))
                    .body(),
            post(
                            teamLead,
                            "query($n: Int!) { householdsAtAddress(postcode: \"1311HV\", houseNumber: $n) { id } }",
                            Map.of("n", java.util.List.of(1, 2)))
                    .body()
        };
        for (String answer : answers) {
            assertThat(answer).contains("\"errors\"");
            assertThat(answer)
                    .doesNotContainPattern("[A-Z][A-Za-z]*Value\\{")
                    .doesNotContainPattern("'[A-Z][A-Za-z]*Value'")
                    .doesNotContain("LinkedHashMap", "ArrayList", "java.", "graphql.", "Integer'");
        }
    }
}
