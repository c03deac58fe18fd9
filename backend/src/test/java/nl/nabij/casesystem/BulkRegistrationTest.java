package nl.nabij.casesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.nabij.security.NabijUser;
import nl.nabij.seed.SeedData;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestGraph;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organisation's case system registers, renews and ends its professionals' involvements in bulk: each item answers
 * for itself, the valid ones commit, a key sent again changes nothing, and another organisation's professional is out
 * of reach.
 */
@NabijIntegrationTest
class BulkRegistrationTest {

    private static final SeedData SEED = SeedData.fromClasspath();
    private static final String BSN = SEED.caseHousehold().members().get(0).bsn();
    private static final NabijUser OUTSIDER = TestUsers.outsider();
    private static final SeedData.Professional ELSEWHERE = SEED.professionals().stream()
            .filter(p -> !p.organisationId().equals(OUTSIDER.organisationId()))
            .findFirst()
            .orElseThrow();
    private static final NabijUser CASE_SYSTEM = TestUsers.caseSystem();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    private final LocalDate today = LocalDate.now();

    @BeforeEach
    void giveEmployeeReferences() {
        setReference(OUTSIDER.professionalId(), "T-OWN-1");
        setReference(ELSEWHERE.id(), "T-OTHER-1");
    }

    @AfterEach
    void removeWhatTheCaseSystemWrote() {
        driver.executableQuery(
                        """
                        MATCH (:Professional {id: $me})-[:REGISTERED]->(i:Involvement)
                        WHERE i.registeredAt IS NOT NULL DETACH DELETE i
                        """)
                .withParameters(Map.of("me", OUTSIDER.professionalId()))
                .execute();
        driver.executableQuery(
                        """
                        MATCH (item:CaseSystemItem {organisation: $organisation}) DELETE item
                        WITH count(*) AS deleted
                        MATCH ()-[e:EMPLOYED_BY]->() WHERE e.employeeReference STARTS WITH 'T-'
                        REMOVE e.employeeReference
                        """)
                .withParameters(Map.of("organisation", OUTSIDER.organisationId()))
                .execute();
    }

    @Test
    void mixedItemsAnswerOneByOneAndTheValidOnesCommit() throws Exception {
        List<JsonNode> results = send(
                CASE_SYSTEM,
                lines(
                        register("k1", "T-OWN-1", BSN),
                        register("k2", "T-OWN-1", "123456788"),
                        "{\"key\":\"k3\",\"operation\":\"REGISTER\",\"employeeReference\":\"T-OWN-1\",\"bsn\":\"" + BSN
                                + "\",\"since\":\"" + today + "\"}",
                        "this is not json"));

        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("status").asString()).isEqualTo("DONE");
        assertThat(results.get(0).get("created").asBoolean()).isTrue();
        assertThat(codes(results.get(1))).containsExactly("INVALID_BSN");
        assertThat(codes(results.get(2))).containsExactly("INVALID_VALUE");
        assertThat(results.get(2).get("key").asString()).isEqualTo("k3");
        assertThat(codes(results.get(3))).containsExactly("MALFORMED_LINE");
        assertThat(involvementStatus(results.get(0).get("involvementId").asString()))
                .isEqualTo("ACTIVE");
        assertThat(registeredByOutsider()).isEqualTo(1);
    }

    @Test
    void theSameKeyAgainReturnsTheFirstResultAndMakesNothing() throws Exception {
        JsonNode first =
                send(CASE_SYSTEM, lines(register("again", "T-OWN-1", BSN))).getFirst();
        List<JsonNode> replay =
                send(CASE_SYSTEM, lines(register("again", "T-OWN-1", BSN), register("again", "T-OWN-1", BSN)));

        assertThat(first.get("replayed").asBoolean()).isFalse();
        assertThat(replay).allSatisfy(result -> {
            assertThat(result.get("replayed").asBoolean()).isTrue();
            assertThat(result.get("involvementId").asString())
                    .isEqualTo(first.get("involvementId").asString());
            assertThat(result.get("created").asBoolean()).isTrue();
        });
        assertThat(registeredByOutsider()).isEqualTo(1);
    }

    @Test
    void anotherOrganisationsProfessionalIsRefusedAsUnknown() throws Exception {
        List<JsonNode> results = send(CASE_SYSTEM, lines(register("other", "T-OTHER-1", BSN)));

        assertThat(codes(results.getFirst())).containsExactly("UNKNOWN_EMPLOYEE");
        assertThat(TestGraph.count(
                        driver,
                        "MATCH (:Professional {id: $id})-[:REGISTERED]->(i:Involvement) "
                                + "WHERE i.registeredAt IS NOT NULL RETURN count(i) AS n",
                        Map.of("id", ELSEWHERE.id())))
                .isZero();
    }

    @Test
    void renewsAndEndsInvolvementsAcrossChunks() throws Exception {
        String id = send(CASE_SYSTEM, lines(register("r1", "T-OWN-1", BSN)))
                .getFirst()
                .get("involvementId")
                .asString();
        // More renewals than one chunk holds: every one answers, in order, and the end after them commits too.
        int renewals = BulkRegistrations.CHUNK + 10;
        String body = IntStream.range(0, renewals)
                        .mapToObj(i -> "{\"key\":\"renew-" + i + "\",\"operation\":\"RENEW\",\"employeeReference\":"
                                + "\"T-OWN-1\",\"involvementId\":\"" + id + "\"}")
                        .collect(Collectors.joining("\n"))
                + "\n{\"key\":\"end\",\"operation\":\"END\",\"employeeReference\":\"T-OWN-1\",\"involvementId\":\""
                + id + "\",\"until\":\"" + today + "\",\"reason\":\"GOAL_REACHED\"}\n";

        List<JsonNode> results = send(CASE_SYSTEM, body);

        assertThat(results).hasSize(renewals + 1);
        assertThat(results.subList(0, renewals))
                .allSatisfy(
                        result -> assertThat(result.get("status").asString()).isEqualTo("DONE"));
        assertThat(results.get(renewals / 2).get("key").asString()).isEqualTo("renew-" + renewals / 2);
        assertThat(results.getLast().get("status").asString()).isEqualTo("DONE");
        assertThat(involvementStatus(id)).isEqualTo("ENDED");
        assertThat(auditEventsBy(CASE_SYSTEM.username())).isGreaterThanOrEqualTo(renewals + 2);
    }

    @Test
    void aProfessionalsTokenCannotUseTheBulkEndpoint() throws Exception {
        HttpResponse<String> response = post(OUTSIDER, lines(register("p", "T-OWN-1", BSN)));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(registeredByOutsider()).isZero();
    }

    private String register(String key, String reference, String bsn) {
        return "{\"key\":\"" + key + "\",\"operation\":\"REGISTER\",\"employeeReference\":\"" + reference
                + "\",\"bsn\":\"" + bsn + "\",\"domain\":\"WMO\",\"since\":\"" + today.minusDays(7) + "\"}";
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private List<JsonNode> send(NabijUser user, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = post(user, body);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        return response.body().lines().map(JSON::readTree).toList();
    }

    private HttpResponse<String> post(NabijUser user, String body) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/case-system/involvements"))
                            .header("Authorization", TestUsers.bearer(user))
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static List<String> codes(JsonNode result) {
        assertThat(result.get("status").asString()).isEqualTo("REFUSED");
        return result.get("errors")
                .valueStream()
                .map(e -> e.get("code").asString())
                .toList();
    }

    private void setReference(String professionalId, String reference) {
        driver.executableQuery("MATCH (:Professional {id: $id})-[e:EMPLOYED_BY]->() SET e.employeeReference = $ref")
                .withParameters(Map.of("id", professionalId, "ref", reference))
                .execute();
    }

    private String involvementStatus(String id) {
        return driver.executableQuery("MATCH (i:Involvement {id: $id}) RETURN i.status AS status")
                .withParameters(Map.of("id", id))
                .execute()
                .records()
                .getFirst()
                .get("status")
                .asString();
    }

    private long registeredByOutsider() {
        return TestGraph.count(
                driver,
                "MATCH (:Professional {id: $me})-[:REGISTERED]->(i:Involvement) "
                        + "WHERE i.registeredAt IS NOT NULL RETURN count(i) AS n",
                Map.of("me", OUTSIDER.professionalId()));
    }

    private long auditEventsBy(String username) {
        return TestGraph.count(
                driver,
                "MATCH (a:AuditEvent {username: $username}) RETURN count(a) AS n",
                Map.of("username", username));
    }
}
