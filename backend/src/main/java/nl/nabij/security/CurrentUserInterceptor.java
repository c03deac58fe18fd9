package nl.nabij.security;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Puts the signed-in user, and the client address for the audit trail, into the GraphQL context while the request
 * thread still holds the security context, so the access rules can read it on whatever thread a nested field is
 * resolved.
 *
 * <p>Over WebSocket, where a browser cannot send an Authorization header, the user signs in with the connection_init
 * payload ({@code {"Authorization": "Bearer …"}} or {@code "Basic …"}), or with the handshake's credentials when the
 * payload carries none. A connection has one identity: a payload naming another user than the handshake is refused,
 * and every operation on the socket runs as that user, for the access rules, the household scope and the audit
 * alike. A connection without valid credentials is closed with 4401 before any operation runs. A password is checked
 * and throttled by {@link PasswordSignIn}, as on every channel: an unknown username costs as much as a known one, so
 * the time it takes tells no one which exist. The web app's socket signs in with the session cookie of its handshake.
 */
@Component
class CurrentUserInterceptor implements WebSocketGraphQlInterceptor {

    private static final String CONNECTION_AUTHENTICATION = "nabij.authentication";

    private final CurrentUser currentUser;
    private final ObjectProvider<JwtDecoder> identityProvider;
    private final PasswordSignIn passwords;

    CurrentUserInterceptor(
            CurrentUser currentUser, ObjectProvider<JwtDecoder> identityProvider, PasswordSignIn passwords) {
        this.currentUser = currentUser;
        this.identityProvider = identityProvider;
        this.passwords = passwords;
    }

    /** The authentication a websocket signed in with, from its session attributes; null before connection_init. */
    static Object connectionAuthentication(Map<String, Object> sessionAttributes) {
        return sessionAttributes.get(CONNECTION_AUTHENTICATION);
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Map<Object, Object> context = new HashMap<>();
        if (request.getRemoteAddress() != null) {
            context.put(
                    CurrentUser.ORIGIN, request.getRemoteAddress().getAddress().getHostAddress());
        }
        if (request instanceof WebSocketGraphQlRequest socket
                && connectionAuthentication(socket.getSessionInfo().getAttributes())
                        instanceof Authentication authentication) {
            context.put(NabijUser.class, CurrentUser.fromPrincipal(authentication.getPrincipal()));
            request.configureExecutionInput(
                    (input, builder) -> builder.graphQLContext(context).build());
            // The handshake's security context would otherwise be the one the controllers and the error resolvers see.
            SecurityContext connection = new SecurityContextImpl(authentication);
            return chain.next(request).contextWrite(Context.of(SecurityContext.class.getName(), connection));
        }
        if (!(request instanceof WebSocketGraphQlRequest)) {
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
        return session.getPrincipal()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .map(handshake -> {
                    Authentication authentication =
                            connectionIdentity(handshake, payload.get("Authorization"), session);
                    session.getAttributes().put(CONNECTION_AUTHENTICATION, authentication);
                    return Map.of();
                });
    }

    private Authentication connectionIdentity(
            Optional<Principal> handshake, Object authorization, WebSocketSessionInfo session) {
        Optional<Authentication> signedInAtHandshake = handshake
                .filter(Authentication.class::isInstance)
                .map(Authentication.class::cast)
                .filter(Authentication::isAuthenticated);
        if (!(authorization instanceof String header)) {
            return signedInAtHandshake.orElseThrow(
                    () -> new BadCredentialsException("connection_init carries no valid credentials"));
        }
        Authentication fromPayload = signIn(header, session)
                .orElseThrow(() -> new BadCredentialsException("connection_init carries no valid credentials"));
        if (signedInAtHandshake.isPresent()
                && !usernameOf(signedInAtHandshake.get()).equals(usernameOf(fromPayload))) {
            throw new BadCredentialsException("connection_init names another user than the handshake");
        }
        return fromPayload;
    }

    private static String usernameOf(Authentication authentication) {
        return CurrentUser.fromPrincipal(authentication.getPrincipal()).username();
    }

    private Optional<Authentication> signIn(String authorization, WebSocketSessionInfo session) {
        if (authorization.startsWith("Bearer ") && identityProvider.getIfAvailable() != null) {
            try {
                Jwt jwt = identityProvider.getObject().decode(authorization.substring("Bearer ".length()));
                return Optional.of(new JwtAuthenticationToken(
                        jwt, List.of(new SimpleGrantedAuthority("ROLE_" + CurrentUser.roleOf(jwt)))));
            } catch (JwtException | AuthenticationException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (authorization.startsWith("Basic ")) {
            try {
                String[] credentials = new String(
                                Base64.getDecoder().decode(authorization.substring("Basic ".length())),
                                StandardCharsets.UTF_8)
                        .split(":", 2);
                String address = session.getRemoteAddress() == null
                        ? "unknown"
                        : session.getRemoteAddress().getAddress().getHostAddress();
                // Checked and throttled as on every other channel; an unknown name costs what a known one does.
                NabijUser user =
                        passwords.signIn(credentials[0], credentials.length == 2 ? credentials[1] : "", address);
                return Optional.of(UsernamePasswordAuthenticationToken.authenticated(
                        user, null, PasswordAuthenticationProvider.authorities(user)));
            } catch (AuthenticationException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
