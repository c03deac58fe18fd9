package nl.nabij.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestGraph;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No single administrator opens household data (issue 14): a household-reading account waits for a second
 * administrator, only a grant that matches the graph is made, resident accounts come only from the identity provider,
 * and the trail and the resident's access log name the account and both people.
 */
@NabijIntegrationTest
class SeparationOfDutiesTest {

    private static final SeedData SEED = SeedData.fromClasspath();
    private static final SeedData.Household CASE = SEED.caseHousehold();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse battery";
    private static final String HAVEN = SEED.teams().stream()
            .filter(team -> team.name().equals("Wijkteam Haven"))
            .findFirst()
            .orElseThrow()
            .id();
    private static final Set<String> DEMO_PROFESSIONALS = Set.of(
            TestUsers.demo(Role.TEAM_LEAD).professionalId(),
            TestUsers.demo(Role.PROFESSIONAL).professionalId());
    /** A member of Wijkteam Haven without an account of their own. */
    private static final SeedData.Professional HAVEN_MEMBER = SEED.professionals().stream()
            .filter(p -> HAVEN.equals(p.teamId()) && !DEMO_PROFESSIONALS.contains(p.id()))
            .findFirst()
            .orElseThrow();
    /** A professional seconded to no team. */
    private static final SeedData.Professional UNSECONDED = SEED.professionals().stream()
            .filter(p -> p.teamId() == null && !DEMO_PROFESSIONALS.contains(p.id()))
            .findFirst()
            .orElseThrow();

    private static final String READ_CASE = "{\"query\":\"{ household(id: \\\"" + CASE.id() + "\\\") { id } }\"}";

    private static final NabijUser SECOND_ADMINISTRATOR = new NabijUser(
            "test.beheerder2",
            Role.ADMINISTRATOR,
            null,
            null,
            TestUsers.demo(Role.ADMINISTRATOR).organisationId());

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @AfterEach
    void removeWhatTheTestsCreated() {
        driver.executableQuery(
                        """
                        MATCH (a:Account) WHERE a.username STARTS WITH 'test.'
                        OPTIONAL MATCH (a)-[:HAS_GRANT]->(g:AccountGrant)
                        DETACH DELETE a, g
                        """)
                .execute();
    }

    private HttpGraphQlTester admin() {
        return GraphQlClients.overHttp(port, TestUsers.demo(Role.ADMINISTRATOR));
    }

    private HttpGraphQlTester secondAdmin() {
        return GraphQlClients.overHttp(port, SECOND_ADMINISTRATOR);
    }

    private GraphQlTester.Response create(String username, Role role, String professionalId, String teamId) {
        Map<String, Object> input = new HashMap<>();
        input.put("username", username);
        input.put("password", PASSWORD);
        input.put("role", role.name());
        input.put("professionalId", professionalId);
        input.put("teamId", teamId);
        return admin().documentName("createAccountWithGrant")
                .variable("input", input)
                .execute();
    }

    /** The status and body of the case household's read, as the account with these credentials. */
    private HttpResponse<String> readCaseAs(String username, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Basic " + basic)
                                .POST(HttpRequest.BodyPublishers.ofString(READ_CASE))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private String caseReadAs(String username, String password) throws Exception {
        HttpResponse<String> answer = readCaseAs(username, password);
        if (answer.statusCode() != 200) {
            return "HTTP " + answer.statusCode();
        }
        JsonNode body = JSON.readTree(answer.body());
        return body.path("data").path("household").path("id").asString("none");
    }

    private String basisOf(String purpose, String username) {
        return driver.executableQuery(
                        """
                        MATCH (e:AuditEvent {purpose: $purpose, username: $username})
                        WHERE e.basis CONTAINS 'account=test.'
                        RETURN e.basis ORDER BY e.at DESC LIMIT 1
                        """)
                .withParameters(Map.of("purpose", purpose, "username", username))
                .execute()
                .records()
                .get(0)
                .get(0)
                .asString();
    }

    @Test
    void aTeamLeadAccountReadsNoHouseholdUntilASecondAdministratorApproves() throws Exception {
        var requested = create("test.teamleider", Role.TEAM_LEAD, HAVEN_MEMBER.id(), HAVEN);

        requested.path("createAccount.errors").entityList(Object.class).hasSize(0);
        requested.path("createAccount.account.role").valueIsNull();
        requested.path("createAccount.grant.status").entity(String.class).isEqualTo("PENDING");
        requested.path("createAccount.grant.teamId").entity(String.class).isEqualTo(HAVEN);
        requested.path("createAccount.grant.requestedBy").entity(String.class).isEqualTo("admin");
        String grant =
                requested.path("createAccount.grant.id").entity(String.class).get();
        assertThat(caseReadAs("test.teamleider", PASSWORD))
                .as("a pending grant is inert")
                .isEqualTo("HTTP 401");

        admin().documentName("approveAccountGrant")
                .variable("id", grant)
                .execute()
                .path("approveAccountGrant.errors[*].code")
                .entityList(String.class)
                .containsExactly("SAME_PERSON");
        assertThat(caseReadAs("test.teamleider", PASSWORD))
                .as("approving one's own request changes nothing")
                .isEqualTo("HTTP 401");

        var approved = secondAdmin()
                .documentName("approveAccountGrant")
                .variable("id", grant)
                .execute();

        approved.path("approveAccountGrant.errors").entityList(Object.class).hasSize(0);
        approved.path("approveAccountGrant.grant.status").entity(String.class).isEqualTo("APPROVED");
        approved.path("approveAccountGrant.grant.requestedBy")
                .entity(String.class)
                .isEqualTo("admin");
        approved.path("approveAccountGrant.grant.decidedBy")
                .entity(String.class)
                .isEqualTo("test.beheerder2");
        assertThat(caseReadAs("test.teamleider", PASSWORD)).isEqualTo(CASE.id());
        secondAdmin()
                .documentName("approveAccountGrant")
                .variable("id", grant)
                .execute()
                .path("approveAccountGrant.errors[*].code")
                .entityList(String.class)
                .containsExactly("NO_SUCH_GRANT");

        assertThat(basisOf("account-create", "admin"))
                .contains(
                        "account=test.teamleider",
                        "role=TEAM_LEAD",
                        "professional=" + HAVEN_MEMBER.id(),
                        "team=" + HAVEN,
                        "requested-by=admin");
        assertThat(basisOf("account-grant-approve", "test.beheerder2"))
                .contains(
                        "account=test.teamleider",
                        "role=TEAM_LEAD",
                        "professional=" + HAVEN_MEMBER.id(),
                        "team=" + HAVEN,
                        "requested-by=admin",
                        "approved-by=test.beheerder2");
        List<Map<String, Object>> grants = admin().documentName("accountsWithGrants")
                .execute()
                .path("accounts.edges[?(@.node.username == 'test.teamleider')].node.grants[*]")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        assertThat(grants).singleElement().satisfies(shown -> assertThat(shown)
                .containsEntry("role", "TEAM_LEAD")
                .containsEntry("status", "APPROVED")
                .containsEntry("teamId", HAVEN)
                .containsEntry("professionalId", HAVEN_MEMBER.id())
                .containsEntry("requestedBy", "admin")
                .containsEntry("decidedBy", "test.beheerder2"));
    }

    @Test
    void theResidentsAccessLogNamesTheAccountThatReadAndTheAuditorSeesTheGrant() throws Exception {
        String grant = create("test.teamleider", Role.TEAM_LEAD, HAVEN_MEMBER.id(), HAVEN)
                .path("createAccount.grant.id")
                .entity(String.class)
                .get();
        secondAdmin().documentName("approveAccountGrant").variable("id", grant).execute();
        assertThat(caseReadAs("test.teamleider", PASSWORD)).isEqualTo(CASE.id());

        List<Map<String, Object>> log = GraphQlClients.overHttp(port, TestUsers.demo(Role.RESIDENT))
                .documentName("myAccessLogPurposes")
                .execute()
                .path("myData.accessLog")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        assertThat(log).anySatisfy(access -> assertThat(access)
                .containsEntry("who", HAVEN_MEMBER.name())
                .containsEntry("account", "test.teamleider")
                .containsEntry("role", "TEAM_LEAD")
                .containsEntry("purpose", "household-view"));

        List<Map<String, Object>> seen = GraphQlClients.overHttp(port, TestUsers.demo(Role.AUDITOR))
                .documentName("approvedAccountGrants")
                .execute()
                .path("accountGrants.edges[*].node")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        assertThat(seen).anySatisfy(shown -> assertThat(shown)
                .containsEntry("account", "test.teamleider")
                .containsEntry("role", "TEAM_LEAD")
                .containsEntry("teamId", HAVEN)
                .containsEntry("professionalId", HAVEN_MEMBER.id())
                .containsEntry("requestedBy", "admin")
                .containsEntry("decidedBy", "test.beheerder2"));
    }

    @Test
    void aRejectedGrantNeverOpensTheAccountAndAnotherAdministratorsAccountWaitsToo() throws Exception {
        String grant = create("test.hulpverlener", Role.PROFESSIONAL, HAVEN_MEMBER.id(), null)
                .path("createAccount.grant.id")
                .entity(String.class)
                .get();

        secondAdmin()
                .documentName("rejectAccountGrant")
                .variable("id", grant)
                .execute()
                .path("rejectAccountGrant.grant.status")
                .entity(String.class)
                .isEqualTo("REJECTED");
        admin().documentName("approveAccountGrant")
                .variable("id", grant)
                .execute()
                .path("approveAccountGrant.errors[*].code")
                .entityList(String.class)
                .containsExactly("NO_SUCH_GRANT");
        assertThat(caseReadAs("test.hulpverlener", PASSWORD)).isEqualTo("HTTP 401");

        create("test.beheerder3", Role.ADMINISTRATOR, null, null)
                .path("createAccount.grant.status")
                .entity(String.class)
                .isEqualTo("PENDING");
        assertThat(readCaseAs("test.beheerder3", PASSWORD).statusCode())
                .as("an administrator made by one administrator could approve their own requests")
                .isEqualTo(401);
    }

    @Test
    void aPasswordResetOfAHouseholdReadingAccountWaitsForASecondAdministrator() throws Exception {
        String grant = create("test.teamleider", Role.TEAM_LEAD, HAVEN_MEMBER.id(), HAVEN)
                .path("createAccount.grant.id")
                .entity(String.class)
                .get();
        secondAdmin().documentName("approveAccountGrant").variable("id", grant).execute();

        var reset = admin().documentName("resetPasswordOfTeamLeadGrant").execute();

        reset.path("resetPassword.grant.kind").entity(String.class).isEqualTo("PASSWORD_RESET");
        assertThat(caseReadAs("test.teamleider", "chosen by admin alone")).isEqualTo("HTTP 401");
        assertThat(caseReadAs("test.teamleider", PASSWORD)).isEqualTo(CASE.id());

        secondAdmin()
                .documentName("approveAccountGrant")
                .variable(
                        "id",
                        reset.path("resetPassword.grant.id")
                                .entity(String.class)
                                .get())
                .execute()
                .path("approveAccountGrant.errors")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(caseReadAs("test.teamleider", "chosen by admin alone")).isEqualTo(CASE.id());
        assertThat(caseReadAs("test.teamleider", PASSWORD)).isEqualTo("HTTP 401");
    }

    @Test
    void aGrantThatDoesNotMatchTheGraphIsRefusedAndWritesNothing() {
        long before = TestGraph.count(driver, "MATCH (a:Account) RETURN count(a)", Map.of());

        create("test.onbekend", Role.PROFESSIONAL, "00000000-0000-4000-8000-000000000000", null)
                .path("createAccount.errors[*].code")
                .entityList(String.class)
                .containsExactly("UNKNOWN_PROFESSIONAL");
        create("test.buitenstaander", Role.TEAM_LEAD, UNSECONDED.id(), HAVEN)
                .path("createAccount.errors[*].code")
                .entityList(String.class)
                .containsExactly("NOT_IN_TEAM");
        create("test.zonderteam", Role.TEAM_LEAD, HAVEN_MEMBER.id(), null)
                .path("createAccount.errors[*].code")
                .entityList(String.class)
                .containsExactly("TEAM_REQUIRED");
        create(
                        "test.tweede",
                        Role.PROFESSIONAL,
                        TestUsers.demo(Role.PROFESSIONAL).professionalId(),
                        null)
                .path("createAccount.errors[*].code")
                .entityList(String.class)
                .containsExactly("PROFESSIONAL_HAS_ACCOUNT");

        assertThat(TestGraph.count(driver, "MATCH (a:Account) RETURN count(a)", Map.of()))
                .isEqualTo(before);
    }

    @Test
    void residentAccountsComeOnlyFromTheIdentityProviderAndTellNothingOfWhoIsKnown() {
        Map<String, Object> resident = new HashMap<>();
        resident.put("username", "test.inwoner");
        resident.put("password", PASSWORD);
        resident.put("role", "RESIDENT");

        admin().documentName("createAccountWithGrant")
                .variable("input", resident)
                .execute()
                .path("createAccount.errors[*].code")
                .entityList(String.class)
                .containsExactly("RESIDENT_VIA_IDENTITY_PROVIDER");

        resident.put("bsn", CASE.members().get(0).bsn());
        admin().documentName("createAccountWithGrant")
                .variable("input", resident)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .as("createAccount takes no BSN at all")
                        .singleElement()
                        .satisfies(error -> assertThat(error.getMessage())
                                .doesNotContain(CASE.members().get(0).bsn())));
        assertThat(TestGraph.count(driver, "MATCH (a:Account {username: 'test.inwoner'}) RETURN count(a)", Map.of()))
                .isZero();
    }

    @Test
    void aNineDigitUsernameIsRefusedWhereverAUsernameIsTaken() {
        String bsnLike = CASE.members().get(0).bsn();

        create(bsnLike, Role.ANALYST, null, null)
                .path("createAccount.errors[*].code")
                .entityList(String.class)
                .containsExactly("USERNAME_NINE_DIGITS");
        create("123456789", Role.ANALYST, null, null)
                .path("createAccount.errors[*].code")
                .entityList(String.class)
                .containsExactly("USERNAME_NINE_DIGITS");
        for (String mutation : List.of("disableAccount", "enableAccount")) {
            admin().documentName(mutation)
                    .variable("username", bsnLike)
                    .execute()
                    .path(mutation + ".errors[*].code")
                    .entityList(String.class)
                    .containsExactly("USERNAME_NINE_DIGITS");
        }
        admin().documentName("resetPassword")
                .variable("username", bsnLike)
                .variable("newPassword", PASSWORD)
                .execute()
                .path("resetPassword.errors[*].code")
                .entityList(String.class)
                .containsExactly("USERNAME_NINE_DIGITS");
    }
}
