package nl.nabij.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nl.nabij.demo.DemoAccounts;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestTokens;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live connection at {@code /graphql-ws} as a graphql-transport-ws client sees it: signing in costs the same for
 * an unknown username as for a wrong password, a socket has one user whatever the handshake and connection_init carry,
 * a refused operation is an error of that operation only, and a socket whose user may no longer sign in closes within
 * a second.
 */
@NabijIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class WebSocketTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CASE_HOUSEHOLD =
            "{ householdsAtAddress(postcode: \"1311HV\", houseNumber: 15) { id } }";

    @LocalServerPort
    int port;

    /** A graphql-transport-ws connection: the messages it received, and how it was closed. */
    final class Socket implements WebSocket.Listener {

        final BlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final CompletableFuture<Boolean> acknowledged = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        Socket(String handshakeAuthorization) {
            WebSocket.Builder builder =
                    HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws");
            if (handshakeAuthorization != null) {
                builder.header("Authorization", handshakeAuthorization);
            }
            socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql-ws"), this)
                    .join();
        }

        void send(Map<String, Object> message) {
            socket.sendText(JSON.writeValueAsString(message), true).join();
        }

        /** Sends connection_init and waits for the acknowledgement; false when the server closed the socket instead. */
        boolean init(String authorization) throws Exception {
            send(
                    authorization == null
                            ? Map.of("type", "connection_init", "payload", Map.of())
                            : Map.of("type", "connection_init", "payload", Map.of("Authorization", authorization)));
            return acknowledged.get(10, TimeUnit.SECONDS);
        }

        /** The answer to one operation: its {@code next} or {@code error} message's payload. */
        @SuppressWarnings("unchecked")
        Map<String, Object> ask(String id, String document) throws Exception {
            send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", document)));
            while (true) {
                Map<String, Object> message = messages.poll(10, TimeUnit.SECONDS);
                assertThat(message).as("an answer to " + document).isNotNull();
                if (id.equals(message.get("id")) && "next".equals(message.get("type"))) {
                    return (Map<String, Object>) message.get("payload");
                }
                if (id.equals(message.get("id")) && "error".equals(message.get("type"))) {
                    return Map.of("errors", message.get("payload"));
                }
            }
        }

        int closeCodeWithin(Duration wait) throws Exception {
            return closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        void close() {
            if (!closed.isDone()) {
                socket.sendClose(1000, "done").join();
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                Map<String, Object> message = JSON.readValue(partial.toString(), Map.class);
                partial.setLength(0);
                if ("connection_ack".equals(message.get("type"))) {
                    acknowledged.complete(true);
                } else {
                    messages.add(message);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            acknowledged.complete(false);
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            acknowledged.complete(false);
            closed.completeExceptionally(error);
        }
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private long millisToBeRefused(String authorization) throws Exception {
        Socket socket = new Socket(null);
        long start = System.nanoTime();
        assertThat(socket.init(authorization)).isFalse();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(socket.closeCodeWithin(Duration.ofSeconds(5))).isEqualTo(4401);
        return millis;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    @Test
    void anUnknownUsernameTakesAsLongToRefuseAsAWrongPassword() throws Exception {
        millisToBeRefused(basic("professional", "warming-up"));
        List<Long> unknown = new ArrayList<>();
        List<Long> wrongPassword = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            unknown.add(millisToBeRefused(basic("nobody-" + i, "not-the-password")));
            wrongPassword.add(millisToBeRefused(basic("professional", "not-the-password")));
        }

        assertThat(median(unknown))
                .as("unknown %s ms, wrong password %s ms", unknown, wrongPassword)
                .isGreaterThanOrEqualTo(median(wrongPassword) * 2 / 3);
    }

    @Test
    void aConnectionInitSignInIsTheUserOfEveryOperationOnTheSocket() throws Exception {
        Socket socket = new Socket(null);
        try {
            assertThat(socket.init(basic("teamlead", DemoAccounts.PASSWORD))).isTrue();

            assertThat(JSON.writeValueAsString(socket.ask("1", "{ me { username role } }")))
                    .contains("\"username\":\"teamlead\"", "\"role\":\"TEAM_LEAD\"");
            // The household scope is the team lead's: the case lies in Haven's area.
            assertThat(JSON.writeValueAsString(socket.ask("2", CASE_HOUSEHOLD)))
                    .contains("\"householdsAtAddress\":[{\"id\"")
                    .doesNotContain("errors");
        } finally {
            socket.close();
        }
    }

    @Test
    void theHandshakesUserIsTheSocketsUserAndAConnectionInitNamingAnotherIsRefused() throws Exception {
        Socket handshakeOnly = new Socket(basic("volunteer", DemoAccounts.PASSWORD));
        try {
            assertThat(handshakeOnly.init(null)).isTrue();
            assertThat(JSON.writeValueAsString(handshakeOnly.ask("1", "{ me { username role } }")))
                    .contains("\"username\":\"volunteer\"", "\"role\":\"VOLUNTEER\"");
        } finally {
            handshakeOnly.close();
        }

        Socket twoUsers = new Socket(basic("volunteer", DemoAccounts.PASSWORD));
        assertThat(twoUsers.init(basic("teamlead", DemoAccounts.PASSWORD))).isFalse();
        assertThat(twoUsers.closeCodeWithin(Duration.ofSeconds(5))).isEqualTo(4401);

        Socket sameUser = new Socket(basic("volunteer", DemoAccounts.PASSWORD));
        try {
            assertThat(sameUser.init(basic("volunteer", DemoAccounts.PASSWORD))).isTrue();
        } finally {
            sameUser.close();
        }
    }

    @Test
    void aRefusedOperationIsAnErrorOfThatOperationAndTheSocketStaysOpen(CapturedOutput output) throws Exception {
        Socket socket = new Socket(null);
        try {
            assertThat(socket.init(basic("volunteer", DemoAccounts.PASSWORD))).isTrue();
            int logged = output.getAll().length();

            assertThat(JSON.writeValueAsString(socket.ask("1", CASE_HOUSEHOLD)))
                    .contains("FORBIDDEN")
                    .doesNotContain("\"id\":\"");
            assertThat(JSON.writeValueAsString(socket.ask("2", "subscription { notifications { kind } }")))
                    .contains("FORBIDDEN");
            assertThat(JSON.writeValueAsString(socket.ask("3", "{ apiVersion }")))
                    .contains("\"apiVersion\"");

            assertThat(socket.closed).isNotDone();
            assertThat(output.getAll().substring(logged)).doesNotContain("\tat ", "Unresolved", "Exception");
        } finally {
            socket.close();
        }
    }

    @Test
    void aDisabledAccountsOpenSocketClosesWithinASecond() throws Exception {
        Socket socket = new Socket(null);
        try {
            assertThat(socket.init(basic("professional", DemoAccounts.PASSWORD)))
                    .isTrue();
            assertThat(JSON.writeValueAsString(socket.ask("1", CASE_HOUSEHOLD))).contains("\"id\":\"");

            GraphQlClients.overHttp(port, TestUsers.demo(Role.ADMINISTRATOR))
                    .documentName("disableAccount")
                    .variable("username", "professional")
                    .execute()
                    .path("disableAccount.errors")
                    .entityList(Object.class)
                    .hasSize(0);

            assertThat(socket.closeCodeWithin(Duration.ofSeconds(1))).isEqualTo(4403);
        } finally {
            GraphQlClients.overHttp(port, TestUsers.demo(Role.ADMINISTRATOR))
                    .documentName("enableAccount")
                    .variable("username", "professional")
                    .execute();
            socket.close();
        }
    }

    @Test
    void aSocketSignedInWithATokenClosesWithinASecondOfItsExpiry() throws Exception {
        Instant expiry = Instant.now().plusSeconds(3);
        JWTClaimsSet claims = TestTokens.claimsFor(TestUsers.teamLead())
                .expirationTime(Date.from(expiry))
                .build();
        Socket socket = new Socket(null);
        try {
            assertThat(socket.init("Bearer " + TestTokens.signed(claims))).isTrue();
            assertThat(JSON.writeValueAsString(socket.ask("1", "{ apiVersion }")))
                    .contains("\"apiVersion\"");

            assertThat(socket.closeCodeWithin(Duration.between(Instant.now(), expiry.plusSeconds(1))))
                    .isEqualTo(4403);
        } finally {
            socket.close();
        }
    }
}
