package nl.nabij.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import nl.nabij.demo.DemoAccounts;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * The web app signs in once and then holds a session cookie: no later request checks a password, a change needs the
 * CSRF token, and signing out ends the session. Every sign-in channel checks a password the same way for a name that
 * is no account as for one that is.
 */
@NabijIntegrationTest
class SessionSignInTest {

    private static final String MARK_READ = "{\"query\":\"mutation { markNotificationsRead(input: {notificationIds:"
            + " [\\\"00000000-0000-4000-8000-000000000000\\\"]}) { __typename } }\"}";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry metrics;

    SignInClient client;

    @BeforeEach
    void client() {
        client = new SignInClient(port);
    }

    private double passwordChecks() {
        return metrics.counter(PasswordVerification.METRIC).count();
    }

    @Test
    void signingInGivesAnHttpOnlySameSiteStrictCookieAndNoRequestWithItChecksAPassword() throws Exception {
        var signedIn = client.signIn("teamlead", DemoAccounts.PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"username\":\"teamlead\"", "\"role\":\"TEAM_LEAD\"");
        assertThat(SignInClient.setCookies(signedIn))
                .filteredOn(cookie -> cookie.startsWith(SessionCookie.NAME + "="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie)
                        .contains("HttpOnly", "SameSite=Strict", "Path=/")
                        .doesNotContain("Max-Age", "Expires"));
        var session = SignInClient.session(signedIn);

        double checksBefore = passwordChecks();
        for (int i = 0; i < 5; i++) {
            assertThat(client.me(session).body()).contains("\"username\":\"teamlead\"");
        }
        assertThat(passwordChecks()).isEqualTo(checksBefore);
    }

    @Test
    void aChangeWithTheSessionCookieButWithoutTheCsrfTokenIsRefused() throws Exception {
        var session = client.session("teamlead", DemoAccounts.PASSWORD);

        assertThat(client.graphql(session, MARK_READ, false).statusCode()).isEqualTo(403);
        var withToken = client.graphql(session, MARK_READ, true);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("MarkNotificationsReadPayload");
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        var session = client.session("teamlead", DemoAccounts.PASSWORD);
        assertThat(client.me(session).statusCode()).isEqualTo(200);

        var signedOut = client.signOut(session);

        assertThat(signedOut.statusCode()).isEqualTo(204);
        assertThat(SignInClient.setCookies(signedOut))
                .anySatisfy(cookie ->
                        assertThat(cookie).startsWith(SessionCookie.NAME + "=;").contains("Max-Age=0"));
        assertThat(client.me(session).statusCode()).isEqualTo(401);
    }

    @Test
    void theIdentityProvidersTokenIsExchangedOnceForASession() throws Exception {
        var signedIn = client.signInWithToken(TestUsers.bearer(TestUsers.teamLead()));

        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(client.me(SignInClient.session(signedIn)).body())
                .contains("\"username\":\"" + TestUsers.teamLead().username() + "\"");
    }

    @Test
    void theLiveInboxSignsInWithTheSessionCookieOfItsHandshake() throws Exception {
        var session = client.session("teamlead", DemoAccounts.PASSWORD);
        var live = WebSocketGraphQlClient.builder(
                        URI.create("ws://127.0.0.1:" + port + "/graphql-ws"), new StandardWebSocketClient())
                .header("Cookie", session.cookies())
                .build();
        try {
            String username = live.document("{ me { username } }")
                    .retrieve("me.username")
                    .toEntity(String.class)
                    .block(Duration.ofSeconds(30));
            assertThat(username).isEqualTo("teamlead");
        } finally {
            live.stop().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void anUnknownNameCostsTheSamePasswordCheckAsAKnownOneOnEveryChannel() throws Exception {
        double before = passwordChecks();
        assertThat(client.signIn("volunteer", "not-the-password").statusCode()).isEqualTo(401);
        assertThat(passwordChecks()).isEqualTo(before + 1);
        assertThat(client.signIn("nobody-at-all", "not-the-password").statusCode())
                .isEqualTo(401);
        assertThat(passwordChecks()).isEqualTo(before + 2);

        assertThat(client.basic("auditor", "not-the-password", SignInClient.ME).statusCode())
                .isEqualTo(401);
        assertThat(passwordChecks()).isEqualTo(before + 3);
        assertThat(client.basic("nobody-at-all", "not-the-password", SignInClient.ME)
                        .statusCode())
                .isEqualTo(401);
        assertThat(passwordChecks()).isEqualTo(before + 4);

        connectWithBasic("analyst", "not-the-password");
        assertThat(passwordChecks()).isEqualTo(before + 5);
        connectWithBasic("nobody-at-all", "not-the-password");
        assertThat(passwordChecks()).isEqualTo(before + 6);

        // The right passwords clear the accounts' failures for the other tests.
        client.session("volunteer", DemoAccounts.PASSWORD);
        client.session("auditor", DemoAccounts.PASSWORD);
        client.session("analyst", DemoAccounts.PASSWORD);
    }

    private void connectWithBasic(String username, String password) {
        String basic = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        var live = WebSocketGraphQlClient.builder(
                        URI.create("ws://127.0.0.1:" + port + "/graphql-ws"), new StandardWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", basic));
                    }
                })
                .build();
        try {
            live.document("{ apiVersion }").execute().onErrorComplete().block(Duration.ofSeconds(30));
        } finally {
            live.stop().onErrorComplete().block(Duration.ofSeconds(10));
        }
    }
}
