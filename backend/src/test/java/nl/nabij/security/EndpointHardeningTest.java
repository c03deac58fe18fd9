package nl.nabij.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.nabij.NabijApplication;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.StatementCounter;
import nl.nabij.support.TestSecrets;
import nl.nabij.support.TestTokens;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Abusive requests are refused before any data is fetched (the statement counter stays at zero), with the status
 * codes GraphQL over HTTP prescribes for {@code application/graphql-response+json}, and failures reveal nothing.
 */
@NabijIntegrationTest
class EndpointHardeningTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    StatementCounter statements;

    @Autowired
    Driver driver;

    @Autowired
    Neo4jConnectionDetails database;

    record Answer(int status, String contentType, String body) {}

    private Answer post(int port, String body) throws Exception {
        return post(port, body, TestUsers.teamLead());
    }

    private Answer post(int port, String body, NabijUser user) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/graphql-response+json")
                                .header("Authorization", TestUsers.bearer(user))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private Answer query(String document) throws Exception {
        return post(port, JSON.writeValueAsString(Map.of("query", document)));
    }

    private Answer refusedBeforeFetching(String body) throws Exception {
        statements.reset();
        Answer answer = post(port, body);
        assertThat(statements.count())
                .as("statements sent for a refused request")
                .isZero();
        assertThat(answer.body()).doesNotContain("\"data\":{");
        return answer;
    }

    @Test
    void aQueryFifteenLevelsDeepIsRefused() throws Exception {
        String deep = "{ teams { edges { node { members { teams { members { teams { members { teams { members {"
                + " teams { members { teams { name } } } } } } } } } } } } } }";
        Answer answer = refusedBeforeFetching(JSON.writeValueAsString(Map.of("query", deep)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("maximum query depth exceeded");
    }

    @Test
    void twoHundredAliasesAreRefused() throws Exception {
        String aliases = IntStream.range(0, 200)
                .mapToObj(i -> "a" + i + ": organisations(first: 1) { edges { cursor } }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        Answer answer = refusedBeforeFetching(JSON.writeValueAsString(Map.of("query", aliases)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("200 aliased fields");
    }

    @Test
    void anExpensiveCrossProductIsRefused() throws Exception {
        String crossProduct = "{ organisations(first: 100) { edges { node { professionals { collaborators {"
                + " teams { members { collaborators { name } } } } } } } } }";
        Answer answer = refusedBeforeFetching(JSON.writeValueAsString(Map.of("query", crossProduct)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("maximum query complexity exceeded");
    }

    @Test
    void aCostThatWouldWrapAroundPastTwoToTheThirtyFirstIsStillRefused() throws Exception {
        // Priced in 32-bit integers, the first wraps to a negative total and the second's two halves add up to one.
        List<String> wrapping = List.of(
                "{ organisations(first: 2147483647) { edges { node { professionals { collaborators { name } } } } } }",
                "{ a: organisations(first: 1100000000) { edges { cursor } }"
                        + " b: organisations(first: 1100000000) { edges { cursor } } }");
        for (String document : wrapping) {
            Answer answer = refusedBeforeFetching(JSON.writeValueAsString(Map.of("query", document)));

            assertThat(answer.status()).as(document).isEqualTo(400);
            assertThat(answer.body()).as(document).contains("maximum query complexity exceeded");
        }
    }

    @Test
    void aDocumentOfOnePointOneMegabytesIsRefused() throws Exception {
        String huge = "{ apiVersion " + "#".repeat(1_100_000) + "\n}";
        Answer answer = refusedBeforeFetching(JSON.writeValueAsString(Map.of("query", huge)));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("DOCUMENT_TOO_LARGE");
    }

    @Test
    void aBatchOfOperationsIsRefused() throws Exception {
        Answer answer = refusedBeforeFetching(
                "[{\"query\":\"{ organisations { edges { cursor } } }\"},{\"query\":\"{ apiVersion }\"}]");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("BATCH_NOT_SUPPORTED");
    }

    @Test
    void parseAndValidationErrorsAre400AndAnswersAre200InTheGraphQlResponseMediaType() throws Exception {
        assertThat(query("{ household(").status()).isEqualTo(400);
        assertThat(query("{ noSuchField }").status()).isEqualTo(400);

        Answer ok = query("{ organisations(first: 1) { edges { node { name } } } }");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.contentType()).startsWith("application/graphql-response+json");
    }

    @Test
    void anInternalFailureIsMaskedAndCarriesAnExecutionId() throws Exception {
        String id = UUID.randomUUID().toString();
        driver.executableQuery(
                        "CREATE (:Organisation {id: $id, name: 'Broken', kind: 'NO_SUCH_KIND', careLine: 'FIRST'})")
                .withParameters(Map.of("id", id))
                .execute();
        try {
            Answer answer = query("{ organisation(id: \"" + id + "\") { name kind } }");

            assertThat(answer.body())
                    .contains("INTERNAL_ERROR for ")
                    .doesNotContain("NO_SUCH_KIND", "Exception", "at nl.nabij", "No enum constant");
        } finally {
            driver.executableQuery("MATCH (o:Organisation {id: $id}) DELETE o")
                    .withParameters(Map.of("id", id))
                    .execute();
        }
    }

    @Test
    void aRequestThatRunsPastTheTimeoutEndsWith408() throws Exception {
        try (ConfigurableApplicationContext impatient = new SpringApplicationBuilder(NabijApplication.class)
                .properties(
                        "spring.neo4j.uri=" + database.getUri(),
                        "server.port=0",
                        "nabij.graphql.timeout=1ms",
                        "nabij.pseudonym.secret=" + TestSecrets.PSEUDONYM_SECRET,
                        TestTokens.PUBLIC_KEY_PROPERTY)
                .run()) {
            int impatientPort = Integer.parseInt(impatient.getEnvironment().getProperty("local.server.port"));
            String caseHousehold = "{ householdsAtAddress(postcode: \"1311HV\", houseNumber: 15) {"
                    + " involvements { professional { name } } overlap { uncoordinatedPairs { first { name } } } } }";

            Answer answer = post(impatientPort, JSON.writeValueAsString(Map.of("query", caseHousehold)));

            assertThat(answer.status()).isEqualTo(408);
        }
    }

    @Test
    void aRequestPastItsTimeoutLeavesNoTransactionRunningInTheDatabase() throws Exception {
        String username = "timeout.victim";
        driver.executableQuery("CREATE (:Account {username: $username, enabled: true})")
                .withParameters(Map.of("username", username))
                .execute();
        try (ConfigurableApplicationContext impatient = new SpringApplicationBuilder(NabijApplication.class)
                        .properties(
                                "spring.neo4j.uri=" + database.getUri(),
                                "server.port=0",
                                "nabij.graphql.timeout=2s",
                                "nabij.pseudonym.secret=" + TestSecrets.PSEUDONYM_SECRET,
                                TestTokens.PUBLIC_KEY_PROPERTY)
                        .run();
                Session session = driver.session();
                Transaction holdingTheAccount = session.beginTransaction()) {
            int impatientPort = Integer.parseInt(impatient.getEnvironment().getProperty("local.server.port"));
            // Someone else holds the account's lock, so disabling it waits in the database, past the time limit.
            holdingTheAccount
                    .run("MATCH (a:Account {username: $username}) SET a.enabled = true", Map.of("username", username))
                    .consume();
            String disable = "mutation { disableAccount(input: {username: \"" + username + "\"}) { errors { code } } }";

            Answer answer = post(
                    impatientPort,
                    JSON.writeValueAsString(Map.of("query", disable)),
                    TestUsers.demo(Role.ADMINISTRATOR));

            assertThat(answer.status()).isEqualTo(408);
            long answeredAt = System.nanoTime();
            while (waitingToDisable() > 0 && System.nanoTime() - answeredAt < 2_000_000_000L) {
                Thread.sleep(50);
            }
            assertThat(waitingToDisable())
                    .as("transactions of the timed-out request still running 2 s after its 408")
                    .isZero();
        } finally {
            driver.executableQuery("MATCH (a:Account {username: $username}) DETACH DELETE a")
                    .withParameters(Map.of("username", username))
                    .execute();
        }
    }

    private long waitingToDisable() {
        // The text is a parameter, so that this statement, which SHOW TRANSACTIONS lists too, does not contain it.
        return driver.executableQuery(
                        "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $disabling RETURN count(*) AS running")
                .withParameters(Map.of("disabling", "SET a.enabled = $enabled"))
                .execute()
                .records()
                .getFirst()
                .get("running")
                .asLong();
    }
}
