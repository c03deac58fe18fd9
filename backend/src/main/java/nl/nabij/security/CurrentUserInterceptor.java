package nl.nabij.security;

import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the signed-in user into the GraphQL context while the request thread still holds the security context, so the
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
        try {
            NabijUser user = currentUser.get();
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(NabijUser.class, user)).build());
        } catch (AuthenticationException anonymous) {
            // No user in the context: every guarded field then answers UNAUTHORIZED.
        }
        return chain.next(request);
    }
}
