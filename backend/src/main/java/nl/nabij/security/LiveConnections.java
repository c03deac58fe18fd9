package nl.nabij.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * The open GraphQL websockets, closed as soon as the user they signed in as may no longer sign in: a built-in account
 * that was disabled, lost its role or got another one, or a token whose expiry passed. Checked twice a second with one
 * statement for all open sockets' accounts, so a socket outlives its account by less than a second, also when the
 * account was changed through another instance of the app.
 */
class LiveConnections extends GraphQlWebSocketHandler {

    /** graphql-ws's close code for refused credentials; the web app does not reconnect after it. */
    static final CloseStatus NO_LONGER_SIGNED_IN = new CloseStatus(4403, "Forbidden");

    private final Map<String, WebSocketSession> open = new ConcurrentHashMap<>();
    private final SecurityQueries queries;

    LiveConnections(
            WebGraphQlHandler handler,
            HttpMessageConverter<Object> json,
            Duration connectionInitTimeout,
            Duration keepAlive,
            CorsConfiguration cors,
            SecurityQueries queries) {
        super(handler, json, connectionInitTimeout, keepAlive, cors);
        this.queries = queries;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        open.put(session.getId(), session);
        super.afterConnectionEstablished(session);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        open.remove(session.getId());
        super.afterConnectionClosed(session, status);
    }

    @Scheduled(fixedDelayString = "${nabij.websocket.account-check-interval:PT0.5S}")
    void closeThoseNoLongerSignedIn() {
        Map<WebSocketSession, Authentication> signedIn = new HashMap<>();
        open.values().forEach(session -> {
            if (CurrentUserInterceptor.connectionAuthentication(session.getAttributes())
                    instanceof Authentication authentication) {
                signedIn.put(session, authentication);
            }
        });
        Instant now = Instant.now();
        signedIn.forEach((session, authentication) -> {
            if (authentication instanceof JwtAuthenticationToken token
                    && token.getToken().getExpiresAt() != null
                    && !token.getToken().getExpiresAt().isAfter(now)) {
                close(session);
            }
        });
        Map<WebSocketSession, NabijUser> accounts = new HashMap<>();
        signedIn.forEach((session, authentication) -> {
            if (authentication.getPrincipal() instanceof NabijUser user) {
                accounts.put(session, user);
            }
        });
        if (accounts.isEmpty()) {
            return;
        }
        Set<String> usernames =
                accounts.values().stream().map(NabijUser::username).collect(Collectors.toSet());
        Map<String, String> roles = new HashMap<>();
        queries.rolesOf(usernames).forEach(account -> roles.put(account.username(), account.role()));
        // A user of the identity provider who signed in with a session has no account here: their session decides.
        accounts.forEach((session, user) -> {
            if (roles.containsKey(user.username()) && !user.role().name().equals(roles.get(user.username()))) {
                close(session);
            }
        });
    }

    private static void close(WebSocketSession session) {
        try {
            session.close(NO_LONGER_SIGNED_IN);
        } catch (IOException alreadyGone) {
            // The socket is closing or closed already, which is what was wanted.
        }
    }
}
