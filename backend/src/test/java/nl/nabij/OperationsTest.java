package nl.nabij;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import nl.nabij.demo.DemoAccounts;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TcpProxy;
import nl.nabij.support.TestSecrets;
import nl.nabij.support.TestTokens;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What operations rely on: probes that include Neo4j, Prometheus metrics with per-operation GraphQL timings, and an
 * instance that, when Neo4j goes away, turns unready, answers at once with a clear error, and recovers by itself.
 */
@NabijIntegrationTest
class OperationsTest {

    private static final String HOUSEHOLD_QUERY =
            "{\"query\":\"query Case { householdsAtAddress(postcode: \\\"1311HV\\\", houseNumber: 15) { id } }\"}";

    @LocalServerPort
    int port;

    @Autowired
    Neo4jConnectionDetails database;

    private static HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> query(int port, String authorization) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", authorization)
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString(HOUSEHOLD_QUERY))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + DemoAccounts.PASSWORD).getBytes());
    }

    @Test
    void probesArePublicAndMetricsAreForAdministratorsWithTimingsPerOperationAndThePool() throws Exception {
        assertThat(get(port, "/actuator/health/liveness", null).body()).contains("\"UP\"");
        var readiness = get(port, "/actuator/health/readiness", null);
        assertThat(readiness.statusCode())
                .as(get(port, "/actuator/health/readiness", basic("admin")).body())
                .isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"").doesNotContain("neo4j");
        assertThat(get(port, "/actuator/health/readiness", basic("admin")).body())
                .contains("neo4j");

        query(port, basic("teamlead"));
        assertThat(get(port, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get(port, "/actuator/prometheus", basic("teamlead")).statusCode())
                .isEqualTo(403);
        var metrics = get(port, "/actuator/prometheus", basic("admin"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("graphql_request_seconds")
                .contains("graphql_datafetcher_seconds_count{application=\"nabij\",error=\"none\","
                        + "graphql_error_type=\"NONE\",graphql_field_name=\"householdsAtAddress\"")
                .contains("db_client_connection_wait_time");
    }

    @Test
    void withoutNeo4jAnInstanceTurnsUnreadyFailsFastAndRecoversByItself() throws Exception {
        URI bolt = database.getUri();
        try (TcpProxy proxy = new TcpProxy(bolt.getHost(), bolt.getPort());
                ConfigurableApplicationContext second = new SpringApplicationBuilder(NabijApplication.class)
                        .run(
                                "--spring.neo4j.uri=bolt://127.0.0.1:" + proxy.port(),
                                "--server.port=0",
                                "--nabij.demo-data.enabled=false",
                                "--spring.neo4j.pool.connection-acquisition-timeout=2s",
                                "--spring.neo4j.connection-timeout=2s",
                                "--nabij.pseudonym.secret=" + TestSecrets.PSEUDONYM_SECRET,
                                "--" + TestTokens.PUBLIC_KEY_PROPERTY)) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            assertThat(get(secondPort, "/actuator/health/readiness", null).statusCode())
                    .isEqualTo(200);
            String bearer = TestUsers.bearer(TestUsers.teamLead());
            assertThat(query(secondPort, bearer).body()).contains("\"id\"");

            proxy.cut();
            Instant asked = Instant.now();
            var during = query(secondPort, bearer);
            Duration answeredIn = Duration.between(asked, Instant.now());
            assertThat(during.body()).contains("DATABASE_UNAVAILABLE").doesNotContain("\"id\"");
            assertThat(answeredIn)
                    .as("no hanging on the driver's default minute")
                    .isLessThan(Duration.ofSeconds(30));
            assertThat(get(secondPort, "/actuator/health/readiness", null).statusCode())
                    .isEqualTo(503);
            assertThat(get(secondPort, "/actuator/health/liveness", null).statusCode())
                    .as("alive: restarting the app would not bring Neo4j back")
                    .isEqualTo(200);

            proxy.restore();
            int readiness = 503;
            for (int attempt = 0; attempt < 60 && readiness != 200; attempt++) {
                Thread.sleep(500);
                readiness = get(secondPort, "/actuator/health/readiness", null).statusCode();
            }
            assertThat(readiness).isEqualTo(200);
            assertThat(query(secondPort, basic("teamlead")).body()).contains("\"id\"");
        }
    }
}
