package nl.nabij.support;

import java.time.Duration;
import nl.nabij.security.NabijUser;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/** GraphQL testers that go over real HTTP, as a browser or a client library would. */
public final class GraphQlClients {

    private GraphQlClients() {}

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
