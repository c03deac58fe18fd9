package nl.nabij.support;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/** GraphQL testers that go over real HTTP, as a browser or a client library would. */
public final class GraphQlClients {

    private GraphQlClients() {}

    public static HttpGraphQlTester overHttp(int port) {
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port + "/graphql")
                .build();
        return HttpGraphQlTester.create(client);
    }
}
