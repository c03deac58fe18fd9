package nl.nabij.security;

import graphql.introspection.Introspection;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Answers HTTP 401 to a request without a user that asks for more than the public operations, as GraphQL over HTTP
 * allows. It looks at the document's root fields before validation runs, so a request without credentials learns
 * nothing about the schema: a field that exists and one that does not both get 401. A document that does not parse is
 * left to the endpoint's 400, which names no field. After execution, an answer that still holds an UNAUTHORIZED error
 * ({@link AccessRules}: a guarded type under a public operation) gets 401 as well, and whatever public part the request
 * also asked for is dropped with it. The answer is Spring Security's own challenge, so a browser asks for credentials.
 * A websocket has signed in before its first operation, and an operation refused there is an error of that operation
 * only, so this is for HTTP alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SignInRequiredInterceptor implements WebGraphQlInterceptor {

    private final CurrentUser currentUser;

    SignInRequiredInterceptor(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest) {
            return chain.next(request);
        }
        if (!signedIn() && asksForMoreThanThePublicOperations(request.getDocument(), request.getOperationName())) {
            return Mono.error(new AuthenticationCredentialsNotFoundException("sign in for this operation"));
        }
        return chain.next(request)
                .flatMap(response -> response.getErrors().stream()
                                .anyMatch(error -> error.getErrorType() == ErrorType.UNAUTHORIZED)
                        ? Mono.error(new AuthenticationCredentialsNotFoundException("sign in for this operation"))
                        : Mono.just(response));
    }

    private boolean signedIn() {
        try {
            currentUser.get();
            return true;
        } catch (AuthenticationException anonymous) {
            return false;
        }
    }

    /** Whether an operation the request may run selects a root field outside the public operations. */
    static boolean asksForMoreThanThePublicOperations(String document, String operationName) {
        Document parsed;
        try {
            parsed = Parser.parse(document);
        } catch (InvalidSyntaxException notADocument) {
            return false;
        }
        Map<String, FragmentDefinition> fragments = parsed.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (first, second) -> first));
        return parsed.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(operation -> operationName == null || operationName.equals(operation.getName()))
                .flatMap(operation -> rootFields(operation.getSelectionSet(), fragments, new HashSet<>()))
                .anyMatch(field -> !AccessRules.PUBLIC_OPERATIONS.contains(field)
                        && !Introspection.TypeNameMetaFieldDef.getName().equals(field));
    }

    private static Stream<String> rootFields(
            SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> spread) {
        if (selections == null) {
            return Stream.empty();
        }
        return selections.getSelections().stream().flatMap(selection -> {
            if (selection instanceof Field field) {
                return Stream.of(field.getName());
            }
            if (selection instanceof InlineFragment inline) {
                return rootFields(inline.getSelectionSet(), fragments, spread);
            }
            if (selection instanceof FragmentSpread named
                    && spread.add(named.getName())
                    && fragments.containsKey(named.getName())) {
                return rootFields(fragments.get(named.getName()).getSelectionSet(), fragments, spread);
            }
            return Stream.empty();
        });
    }
}
