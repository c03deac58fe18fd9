package nl.nabij.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import nl.nabij.security.NabijUser;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GraphQL testers that go over real HTTP, as a browser or a client library would. */
public final class GraphQlClients {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphQlClients() {}

    /**
     * The whole answer to a query as the given user, errors and data as the server wrote them, for tests that compare
     * answers or read errors the testers would raise on.
     */
    public static JsonNode answer(int port, String query, NabijUser user) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", TestUsers.bearer(user))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return JSON.readTree(
                    client.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As the Haven team lead, who may see every household of the documented case's district. */
    public static HttpGraphQlTester overHttp(int port) {
        return overHttp(port, TestUsers.teamLead());
    }

    /** As the given user, with a bearer token from the test identity provider. */
    public static HttpGraphQlTester overHttp(int port, NabijUser user) {
        // A statement Neo4j plans for the first time can take seconds on a busy 2-core machine; 5 s was too tight.
        WebTestClient client = WebTestClient.bindToServer()
                .responseTimeout(Duration.ofSeconds(60))
                .baseUrl("http://127.0.0.1:" + port + "/graphql")
                .defaultHeader("Authorization", TestUsers.bearer(user))
                .build();
        return HttpGraphQlTester.create(client)
                .mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .build();
    }
}
