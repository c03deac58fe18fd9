package nl.nabij.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import nl.nabij.demo.DemoAccounts;
import nl.nabij.support.NabijIntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The built-in accounts of the embedded and demo set-up: HTTP Basic against Argon2id hashes in the graph. */
@NabijIntegrationTest
class BuiltInAccountsTest {

    private static final String QUERY =
            "{\"query\":\"{ householdsAtAddress(postcode: \\\"1311HV\\\", houseNumber: 15) { id } }\"}";

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    private HttpResponse<String> asUser(String username, String password) throws Exception {
        return asUser(username, password, QUERY);
    }

    private HttpResponse<String> asUser(String username, String password, String body) throws Exception {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Basic " + basic)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDemoAccountSignsInAndSeesWhatItsRoleAllows() throws Exception {
        HttpResponse<String> teamLead = asUser("teamlead", DemoAccounts.PASSWORD);
        assertThat(teamLead.statusCode()).isEqualTo(200);
        assertThat(teamLead.body()).contains("\"id\"").doesNotContain("errors");

        HttpResponse<String> analyst = asUser("analyst", DemoAccounts.PASSWORD);
        assertThat(analyst.statusCode()).isEqualTo(200);
        assertThat(analyst.body()).contains("FORBIDDEN");
    }

    @Test
    void aWrongPasswordOrAnUnknownAccountIs401() throws Exception {
        assertThat(asUser("teamlead", "not-the-password").statusCode()).isEqualTo(401);
        assertThat(asUser("nobody", DemoAccounts.PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void meSaysWhoIsSignedInAndInWhichRoleSoAClientCanChooseItsScreens() throws Exception {
        String me = "{\"query\":\"{ me { username role professionalId } }\"}";
        assertThat(asUser("teamlead", DemoAccounts.PASSWORD, me).body())
                .contains("\"username\":\"teamlead\"", "\"role\":\"TEAM_LEAD\"")
                .containsPattern("\"professionalId\":\"[0-9a-f-]{36}\"");
        assertThat(asUser("analyst", DemoAccounts.PASSWORD, me).body())
                .contains("\"role\":\"ANALYST\"", "\"professionalId\":null")
                .doesNotContain("errors");
    }

    @Test
    void passwordsAreStoredOnlyAsArgon2idHashes() {
        var accounts = driver.executableQuery("MATCH (a:Account) RETURN a.username AS username, properties(a) AS p")
                .execute()
                .records();

        assertThat(accounts).hasSizeGreaterThanOrEqualTo(7);
        accounts.forEach(account -> {
            Map<String, Object> properties = account.get("p").asMap();
            assertThat((String) properties.get("passwordHash")).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
            assertThat(properties.values()).doesNotContain(DemoAccounts.PASSWORD);
        });
    }
}
