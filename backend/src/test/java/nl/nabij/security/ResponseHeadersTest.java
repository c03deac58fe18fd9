package nl.nabij.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import nl.nabij.support.NabijIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every response tells the browser to send no referrer and grants no powerful feature, and runs under the content
 * security policy: the web app, the API (answered, refused and unknown), the probes and a page that does not exist.
 * GraphiQL, which loaded its code from a CDN at run time, is not served at all.
 */
@NabijIntegrationTest
class ResponseHeadersTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    @Test
    void everyResponseSendsNoReferrerGrantsNoFeatureAndCarriesTheContentSecurityPolicy() throws Exception {
        List<HttpRequest.Builder> requests = List.of(
                at("/"),
                at("/app/settings.json"),
                at("/actuator/health"),
                at("/no-such-page"),
                at("/graphiql"),
                at("/graphql")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ apiVersion }\"}")),
                at("/graphql")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ teams { edges { cursor } } }\"}")));
        for (HttpRequest.Builder request : requests) {
            HttpResponse<String> response = send(request);
            String what = response.request().method() + " " + response.uri() + " (" + response.statusCode() + ")";

            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(what)
                    .hasValue("no-referrer");
            assertThat(response.headers().firstValue("Permissions-Policy"))
                    .as(what)
                    .hasValueSatisfying(policy -> assertThat(policy).contains("camera=()", "geolocation=()"));
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(what)
                    .hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'"));
        }
    }

    @Test
    void graphiQlIsNotServed() throws Exception {
        HttpResponse<String> response = send(at("/graphiql"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("unpkg", "esm.sh", "cdn");
    }
}
