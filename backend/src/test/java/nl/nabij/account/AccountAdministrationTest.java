package nl.nabij.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
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
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * An administrator creates, disables, enables and resets accounts, and adds and corrects organisations; an account
 * whose role one administrator may give works at once, every change is audited, and bad input is a typed error that
 * writes nothing. The roles that need a second administrator: {@link SeparationOfDutiesTest}.
 */
@NabijIntegrationTest
class AccountAdministrationTest {

    private static final SeedData SEED = SeedData.fromClasspath();
    private static final String PASSWORD = "correct horse battery";
    private static final String OWN_ORGANISATIONS = "Testorganisatie";

    private static final String QUERY = "{\"query\":\"{ professionals(first: 1) { edges { node { name } } } }\"}";

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @AfterEach
    void removeWhatTheTestsCreated() {
        driver.executableQuery("MATCH (a:Account) WHERE a.username STARTS WITH 'test.' DETACH DELETE a")
                .execute();
        driver.executableQuery("MATCH (o:Organisation) WHERE o.name STARTS WITH $prefix DETACH DELETE o")
                .withParameters(Map.of("prefix", OWN_ORGANISATIONS))
                .execute();
    }

    private HttpGraphQlTester admin() {
        return GraphQlClients.overHttp(port, TestUsers.demo(Role.ADMINISTRATOR));
    }

    private GraphQlTester.Response create(Map<String, Object> input) {
        return admin().documentName("createAccount").variable("input", input).execute();
    }

    private static Map<String, Object> input(String username, String role) {
        Map<String, Object> input = new HashMap<>();
        input.put("username", username);
        input.put("password", PASSWORD);
        input.put("role", role);
        return input;
    }

    private int signIn(String username, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Basic " + basic)
                                .POST(HttpRequest.BodyPublishers.ofString(QUERY))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void aNewAnalystsAccountSignsInAtOnceAndDisablingEnablingAndResettingTakeEffect() throws Exception {
        String municipality = TestUsers.demo(Role.ANALYST).organisationId();
        Map<String, Object> input = input("test.analist", "ANALYST");
        input.put("organisationId", municipality);

        var created = create(input);

        created.path("createAccount.errors").entityList(Object.class).hasSize(0);
        created.path("createAccount.account.role").entity(String.class).isEqualTo("ANALYST");
        created.path("createAccount.account.organisation.id")
                .entity(String.class)
                .isEqualTo(municipality);
        assertThat(signIn("test.analist", PASSWORD)).isEqualTo(200);

        admin().documentName("disableAccount")
                .variable("username", "test.analist")
                .execute()
                .path("disableAccount.account.enabled")
                .entity(Boolean.class)
                .isEqualTo(false);
        assertThat(signIn("test.analist", PASSWORD)).isEqualTo(401);

        admin().documentName("enableAccount")
                .variable("username", "test.analist")
                .execute()
                .path("enableAccount.account.enabled")
                .entity(Boolean.class)
                .isEqualTo(true);
        admin().documentName("resetPassword")
                .variable("username", "test.analist")
                .variable("newPassword", "another long password")
                .execute()
                .path("resetPassword.errors")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(signIn("test.analist", PASSWORD)).isEqualTo(401);
        assertThat(signIn("test.analist", "another long password")).isEqualTo(200);

        assertThat(TestGraph.count(
                        driver,
                        "MATCH (e:AuditEvent {username: 'admin', action: 'CHANGE'}) WHERE e.purpose IN "
                                + "['account-create', 'account-disable', 'account-enable', 'account-password-reset'] "
                                + "RETURN count(DISTINCT e.purpose)",
                        Map.of()))
                .isEqualTo(4);
        admin().documentName("accounts")
                .execute()
                .path("accounts.edges[*].node.username")
                .entityList(String.class)
                .contains("admin", "test.analist");
    }

    @Test
    void badInputIsATypedErrorAndWritesNoAccount() {
        long before = TestGraph.count(driver, "MATCH (a:Account) RETURN count(a)", Map.of());
        Map<String, Object> everythingWrong = input("Not A Name!", "PROFESSIONAL");
        everythingWrong.put("password", "short");
        everythingWrong.put("teamId", SEED.teams().get(0).id());
        everythingWrong.put("organisationId", SEED.organisations().get(0).id());

        create(everythingWrong)
                .path("createAccount.errors[*].code")
                .entityList(String.class)
                .containsExactly(
                        "MALFORMED_USERNAME",
                        "PASSWORD_TOO_SHORT",
                        "PROFESSIONAL_REQUIRED",
                        "NOT_FOR_ROLE",
                        "NOT_FOR_ROLE");
        Map<String, Object> unknowns = input("admin", "ANALYST");
        unknowns.put("organisationId", "00000000-0000-4000-8000-000000000000");
        create(unknowns)
                .path("createAccount.errors[*].code")
                .entityList(String.class)
                .containsExactly("USERNAME_TAKEN", "UNKNOWN_ORGANISATION");
        admin().documentName("disableAccount")
                .variable("username", "admin")
                .execute()
                .path("disableAccount.errors[0].code")
                .entity(String.class)
                .isEqualTo("OWN_ACCOUNT");
        admin().documentName("disableAccount")
                .variable("username", "nobody")
                .execute()
                .path("disableAccount.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_ACCOUNT");

        assertThat(TestGraph.count(driver, "MATCH (a:Account) RETURN count(a)", Map.of()))
                .isEqualTo(before);
        assertThat(TestGraph.count(
                        driver, "MATCH (a:Account {username: 'admin', enabled: true}) RETURN count(a)", Map.of()))
                .isEqualTo(1);
    }

    @Test
    void anAdministratorAddsAndCorrectsAnOrganisationAndNamesStayUnique() {
        var created = admin().documentName("createOrganisation").execute();
        String id = created.path("createOrganisation.organisation.id")
                .entity(String.class)
                .get();

        admin().documentName("updateOrganisationCareLine")
                .variable("id", id)
                .execute()
                .path("updateOrganisation.organisation.careLine")
                .entity(String.class)
                .isEqualTo("SECOND");
        admin().documentName("createOrganisationDuplicate")
                .execute()
                .path("createOrganisation.errors[0].code")
                .entity(String.class)
                .isEqualTo("NAME_TAKEN");
        GraphQlClients.overHttp(port, TestUsers.demo(Role.PROFESSIONAL))
                .documentName("organisationCareLine")
                .variable("id", id)
                .execute()
                .path("organisation.name")
                .entity(String.class)
                .isEqualTo("Testorganisatie Buurtzorg Oost");
        GraphQlClients.overHttp(port, TestUsers.demo(Role.PROFESSIONAL))
                .documentName("updateOrganisationName")
                .variable("id", id)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> assertThat(
                                error.getErrorType().toString())
                        .isEqualTo("FORBIDDEN")));
        assertThat(TestGraph.count(
                        driver,
                        "MATCH (o:Organisation {id: $id, name: 'Testorganisatie Buurtzorg Oost'}) RETURN count(o)",
                        Map.of("id", id)))
                .as("the refused rename changed nothing")
                .isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameClientMutationIdReturnsWhatTheFirstCallMadeAndMakesNothingTwice() {
        String first = admin().documentName("createOrganisationRetried")
                .execute()
                .path("createOrganisation.organisation.id")
                .entity(String.class)
                .get();
        admin().documentName("createOrganisationRetried")
                .execute()
                .path("createOrganisation.organisation.id")
                .entity(String.class)
                .isEqualTo(first);

        Map<String, Object> account = input("test.retry", "ANALYST");
        account.put("clientMutationId", "account-retry-1");
        create(account)
                .path("createAccount.account.username")
                .entity(String.class)
                .isEqualTo("test.retry");
        var again = create(account);
        again.path("createAccount.account.username").entity(String.class).isEqualTo("test.retry");
        again.path("createAccount.errors").entityList(Object.class).hasSize(0);

        assertThat(TestGraph.count(
                        driver, "MATCH (o:Organisation {name: 'Testorganisatie Herhaald'}) RETURN count(o)", Map.of()))
                .isEqualTo(1);
        assertThat(TestGraph.count(driver, "MATCH (a:Account {username: 'test.retry'}) RETURN count(a)", Map.of()))
                .isEqualTo(1);
    }
}
