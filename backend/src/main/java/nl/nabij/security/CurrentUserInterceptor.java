package nl.nabij.security;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
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
 * alike. A connection without valid credentials is closed with 4401 before any operation runs; checking the password
 * of an unknown username costs as much as that of a known one, so the time it takes tells no one which exist.
 */
@Component
class CurrentUserInterceptor implements WebSocketGraphQlInterceptor {

    private static final String CONNECTION_AUTHENTICATION = "nabij.authentication";
    private static final AccountStatusUserDetailsChecker ACCOUNT_STATUS = new AccountStatusUserDetailsChecker();

    private final CurrentUser currentUser;
    private final ObjectProvider<JwtDecoder> identityProvider;
    private final UserDetailsService accounts;
    private final PasswordEncoder passwords;
    private final String unknownAccountsHash;

    CurrentUserInterceptor(
            CurrentUser currentUser,
            ObjectProvider<JwtDecoder> identityProvider,
            UserDetailsService accounts,
            PasswordEncoder passwords) {
        this.currentUser = currentUser;
        this.identityProvider = identityProvider;
        this.accounts = accounts;
        this.passwords = passwords;
        this.unknownAccountsHash = passwords.encode(UUID.randomUUID().toString());
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
                    Authentication authentication = connectionIdentity(handshake, payload.get("Authorization"));
                    session.getAttributes().put(CONNECTION_AUTHENTICATION, authentication);
                    return Map.of();
                });
    }

    private Authentication connectionIdentity(Optional<Principal> handshake, Object authorization) {
        Optional<Authentication> signedInAtHandshake = handshake
                .filter(Authentication.class::isInstance)
                .map(Authentication.class::cast)
                .filter(Authentication::isAuthenticated);
        if (!(authorization instanceof String header)) {
            return signedInAtHandshake.orElseThrow(
                    () -> new BadCredentialsException("connection_init carries no valid credentials"));
        }
        Authentication fromPayload = signIn(header)
                .orElseThrow(() -> new BadCredentialsException("connection_init carries no valid credentials"));
        if (signedInAtHandshake.isPresent()
                && !signedInAtHandshake.get().getName().equals(fromPayload.getName())) {
            throw new BadCredentialsException("connection_init names another user than the handshake");
        }
        return fromPayload;
    }

    private Optional<Authentication> signIn(String authorization) {
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
                return checkPassword(credentials[0], credentials.length == 2 ? credentials[1] : "");
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Runs one Argon2 verification whether or not the account exists, is enabled, or the password is right. */
    private Optional<Authentication> checkPassword(String username, String password) {
        UserDetails account;
        try {
            account = accounts.loadUserByUsername(username);
        } catch (AuthenticationException unknown) {
            passwords.matches(password, unknownAccountsHash);
            return Optional.empty();
        }
        if (!passwords.matches(password, account.getPassword())) {
            return Optional.empty();
        }
        try {
            ACCOUNT_STATUS.check(account);
        } catch (AuthenticationException disabledLockedOrExpired) {
            return Optional.empty();
        }
        return Optional.of(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
    }
}
