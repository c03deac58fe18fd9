package nl.nabij;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import nl.nabij.demo.DemoAccounts;
import nl.nabij.support.ContainerDatabase;
import nl.nabij.support.DatabaseUnderTest;
import nl.nabij.support.TestSecrets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.neo4j.Neo4jContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment path end to end: the Nabij image, built from the jar this build packaged, and the Neo4j image on one
 * Docker network, answering the README's first query through the app container's published port.
 */
@Tag("container-e2e")
@ExtendWith(DatabaseUnderTest.class)
class ContainerImagesEndToEndTest {

    @Test
    void theNabijImageAnswersTheReadmeQueryAgainstTheNeo4jImage() throws Exception {
        var appImage = new ImageFromDockerfile("nabij/app:" + System.getProperty("nabij.version"), false)
                .withFileFromPath("nabij.jar", Path.of("target/nabij.jar"))
                .withFileFromPath("Dockerfile", Path.of("../container/app/Dockerfile"));
        try (Network network = Network.newNetwork();
                Neo4jContainer neo4j =
                        ContainerDatabase.neo4j().withNetwork(network).withNetworkAliases("neo4j");
                GenericContainer<?> app = new GenericContainer<>(appImage)
                        .withNetwork(network)
                        .withEnv(Map.of(
                                "SPRING_NEO4J_URI", "bolt://neo4j:7687",
                                "NABIJ_PSEUDONYM_SECRET", TestSecrets.PSEUDONYM_SECRET,
                                // The demo set-up, which the prod profile refuses to load: its accounts have a
                                // published
                                // password. The image is the same; only its profile differs.
                                "SPRING_PROFILES_ACTIVE", "default"))
                        .withExposedPorts(8080)
                        .waitingFor(Wait.forLogMessage(".*Started NabijApplication.*", 1)
                                .withStartupTimeout(Duration.ofMinutes(4)))) {
            neo4j.start();
            app.start();

            JsonNode overlap = readmeQuery(app.getHost(), app.getMappedPort(8080));

            assertThat(overlap.get("professionalCount").asInt()).isEqualTo(15);
            assertThat(overlap.get("organisationCount").asInt()).isGreaterThanOrEqualTo(8);
            assertThat(overlap.get("uncoordinatedPairCount").asInt()).isPositive();
        }
    }

    private static JsonNode readmeQuery(String host, int port) throws Exception {
        String body =
                """
                {"query": "{ householdsAtAddress(postcode: \\"1311 HV\\", houseNumber: 15) { overlap { \
                professionalCount organisationCount uncoordinatedPairCount } } }"}
                """;
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/graphql"))
                                .header("Content-Type", "application/json")
                                // The built-in demo account, signing in with HTTP Basic as a browser would.
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                ("teamlead:" + DemoAccounts.PASSWORD).getBytes()))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body()).at("/data/householdsAtAddress/0/overlap");
    }
}
