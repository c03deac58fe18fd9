package nl.nabij.security;

import java.util.HashMap;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the signed-in user, and the client address for the audit trail, into the GraphQL context while the request thread still holds the security context, so the
 * access rules can read it on whatever thread a nested field is resolved.
 */
@Component
class CurrentUserInterceptor implements WebGraphQlInterceptor {

    private final CurrentUser currentUser;

    CurrentUserInterceptor(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Map<Object, Object> context = new HashMap<>();
        if (request.getRemoteAddress() != null) {
            context.put(
                    CurrentUser.ORIGIN, request.getRemoteAddress().getAddress().getHostAddress());
        }
        try {
            context.put(NabijUser.class, currentUser.get());
        } catch (AuthenticationException anonymous) {
            // No user in the context: every guarded field then answers UNAUTHORIZED.
        }
        request.configureExecutionInput(
                (input, builder) -> builder.graphQLContext(context).build());
        return chain.next(request);
    }
}
