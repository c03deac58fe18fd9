package nl.nabij.database;

import static org.assertj.core.api.Assertions.assertThat;

import nl.nabij.support.GraphQlClients;
import nl.nabij.support.TestSecrets;
import org.junit.jupiter.api.Test;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The application against Neo4j in a container, as a municipality runs it: no embedded database starts, migrations and
 * demo data go to the container. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "nabij.pseudonym.secret=" + TestSecrets.PSEUDONYM_SECRET)
class Neo4jContainerTest {

    @Container
    @ServiceConnection
    static final Neo4jContainer NEO4J = new Neo4jContainer(
                    System.getProperty("nabij.test.neo4j-image", "neo4j:2026.08.1-community"))
            .withoutAuthentication();

    @LocalServerPort
    int port;

    @Autowired
    ObjectProvider<DatabaseManagementService> embedded;

    @Test
    void servesTheDocumentedCaseFromTheContainer() {
        assertThat(embedded.getIfAvailable()).isNull();
        GraphQlClients.overHttp(port)
                .document(
                        "{ householdsAtAddress(postcode: \"1311HV\", houseNumber: 15) { overlap { professionalCount } } }")
                .execute()
                .path("householdsAtAddress[0].overlap.professionalCount")
                .entity(Integer.class)
                .isEqualTo(15);
    }
}
