package nl.nabij.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns an answer that holds an UNAUTHORIZED error into HTTP 401, as GraphQL over HTTP allows. Only a request without a
 * user gets that error ({@link AccessRules}), and whatever public part it also asked for is dropped with it: the
 * answer is Spring Security's own challenge, the same one a request without credentials got before anonymous requests
 * could reach the public operations, so a browser still asks for credentials. A websocket has signed in before its
 * first operation, and an operation refused there is an error of that operation only, so this is for HTTP alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SignInRequiredInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest) {
            return chain.next(request);
        }
        return chain.next(request)
                .flatMap(response -> response.getErrors().stream()
                                .anyMatch(error -> error.getErrorType() == ErrorType.UNAUTHORIZED)
                        ? Mono.error(new AuthenticationCredentialsNotFoundException("sign in for this operation"))
                        : Mono.just(response));
    }
}
