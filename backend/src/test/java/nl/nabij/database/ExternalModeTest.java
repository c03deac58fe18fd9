package nl.nabij.database;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.Introspection;
import nl.nabij.NabijApplication;
import nl.nabij.security.Role;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestSecrets;
import nl.nabij.support.TestTokens;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * With {@code spring.neo4j.uri} set the application starts no database of its own and serves the configured one:
 * here a second instance, in the production profile, uses the first instance's database as its server.
 */
@NabijIntegrationTest
class ExternalModeTest {

    @Autowired
    Neo4jConnectionDetails firstInstancesDatabase;

    @LocalServerPort
    int firstInstancesPort;

    @Test
    void aProductionInstanceServesTheFirstInstancesDatabaseStartsNoneAndHidesGraphiQlAndTheSchema() {
        String bolt = firstInstancesDatabase.getUri().toString();

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(NabijApplication.class)
                .properties(
                        "spring.profiles.active=prod",
                        "nabij.volunteer.public-url=https://nabij.example.nl",
                        "spring.neo4j.uri=" + bolt,
                        "server.port=0",
                        "nabij.pseudonym.secret=" + TestSecrets.PSEUDONYM_SECRET,
                        TestTokens.PUBLIC_KEY_PROPERTY)
                .run()) {

            assertThat(second.getBeanProvider(DatabaseManagementService.class).getIfAvailable())
                    .isNull();
            int port = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            GraphQlClients.overHttp(port)
                    .documentName("householdsAtAddressProfessionalCount")
                    .execute()
                    .path("householdsAtAddress[0].overlap.professionalCount")
                    .entity(Integer.class)
                    .isEqualTo(15);
            assertThat(status(port, "/graphiql")).isEqualTo(404);
            GraphQlClients.overHttp(port, TestUsers.demo(Role.VOLUNTEER))
                    .documentName("schemaQueryTypeName")
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors).isNotEmpty());
        } finally {
            // Boot turns introspection off for the whole JVM; give it back to the other tests in this one.
            Introspection.enabledJvmWide(true);
        }
    }

    private static int status(int port, String path) {
        return RestClient.create("http://127.0.0.1:" + port)
                .get()
                .uri(path)
                .exchange((request, response) -> response.getStatusCode().value());
    }
}
