package nl.nabij.security;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the signed-in user, and the client address for the audit trail, into the GraphQL context while the request
 * thread still holds the security context, so the access rules can read it on whatever thread a nested field is
 * resolved. Over WebSocket, where a browser cannot send an Authorization header, the user signs in with the
 * connection_init payload ({@code {"Authorization": "Bearer …"}} or {@code "Basic …"}, the password checked and
 * throttled by {@link PasswordSignIn}), or, from the web app, with the session cookie the handshake carried; a
 * connection without valid credentials is closed with 4401 before any operation runs.
 */
@Component
class CurrentUserInterceptor implements WebSocketGraphQlInterceptor {

    private static final String CONNECTION_USER = "nabij.user";

    private final CurrentUser currentUser;
    private final ObjectProvider<JwtDecoder> identityProvider;
    private final PasswordSignIn passwords;

    CurrentUserInterceptor(
            CurrentUser currentUser, ObjectProvider<JwtDecoder> identityProvider, PasswordSignIn passwords) {
        this.currentUser = currentUser;
        this.identityProvider = identityProvider;
        this.passwords = passwords;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Map<Object, Object> context = new HashMap<>();
        if (request.getRemoteAddress() != null) {
            context.put(
                    CurrentUser.ORIGIN, request.getRemoteAddress().getAddress().getHostAddress());
        }
        if (request instanceof WebSocketGraphQlRequest socket) {
            Object user = socket.getSessionInfo().getAttributes().get(CONNECTION_USER);
            if (user != null) {
                context.put(NabijUser.class, user);
            }
        } else {
            try {
                context.put(NabijUser.class, currentUser.get());
            } catch (AuthenticationException anonymous) {
                // No user in the context: every guarded field then answers UNAUTHORIZED.
            }
        }
        request.configureExecutionInput(
                (input, builder) -> builder.graphQLContext(context).build());
        return chain.next(request);
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object authorization = payload.get("Authorization");
        Mono<Optional<NabijUser>> user = authorization instanceof String header
                ? Mono.fromCallable(() -> signIn(header, session))
                // The web app's session cookie signed the handshake in.
                : session.getPrincipal()
                        .map(CurrentUserInterceptor::sessionUser)
                        .defaultIfEmpty(Optional.empty());
        return user.map(signedIn -> {
            session.getAttributes()
                    .put(
                            CONNECTION_USER,
                            signedIn.orElseThrow(
                                    () -> new BadCredentialsException("connection_init carries no valid credentials")));
            return Map.of();
        });
    }

    private static Optional<NabijUser> sessionUser(Principal principal) {
        return principal instanceof Authentication authentication
                        && authentication.getPrincipal() instanceof NabijUser user
                ? Optional.of(user)
                : Optional.empty();
    }

    private Optional<NabijUser> signIn(String authorization, WebSocketSessionInfo session) {
        if (authorization.startsWith("Bearer ") && identityProvider.getIfAvailable() != null) {
            try {
                return Optional.of(CurrentUser.fromPrincipal(
                        identityProvider.getObject().decode(authorization.substring("Bearer ".length()))));
            } catch (JwtException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (authorization.startsWith("Basic ")) {
            try {
                String[] credentials = new String(
                                Base64.getDecoder().decode(authorization.substring("Basic ".length())),
                                StandardCharsets.UTF_8)
                        .split(":", 2);
                if (credentials.length == 2) {
                    String address = session.getRemoteAddress() == null
                            ? "unknown"
                            : session.getRemoteAddress().getAddress().getHostAddress();
                    return Optional.of(passwords.signIn(credentials[0], credentials[1], address));
                }
            } catch (BadCredentialsException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
