package nl.nabij.security;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Error messages speak GraphQL, not the libraries behind it. graphql-java's validation and coercion messages print
 * its syntax tree ({@code IntValue{value=1}}) and the Java class of a value ({@code LinkedHashMap}); those tell a
 * client how the server is built and nothing about their request, so they are put in GraphQL's own words.
 */
@Component
class ErrorMessageMasking implements WebGraphQlInterceptor {

    /** A syntax-tree node as graphql-java prints it, innermost first: {@code IntValue{value=1}}. */
    private static final Pattern NODE = Pattern.compile("\\b[A-Z][A-Za-z]*\\{[^{}]*}");

    private static final Pattern LEFT_OVER_VALUE = Pattern.compile(" with value '…'");

    private static final Map<String, String> GRAPHQL_WORDS = Map.ofEntries(
            Map.entry("StringValue", "string"),
            Map.entry("IntValue", "integer"),
            Map.entry("FloatValue", "float"),
            Map.entry("BooleanValue", "boolean"),
            Map.entry("EnumValue", "enum value"),
            Map.entry("NullValue", "null"),
            Map.entry("ObjectValue", "input object"),
            Map.entry("ArrayValue", "list"),
            Map.entry("VariableReference", "variable"),
            Map.entry("LinkedHashMap", "input object"),
            Map.entry("HashMap", "input object"),
            Map.entry("ArrayList", "list"),
            Map.entry("Integer", "integer"),
            Map.entry("Long", "integer"),
            Map.entry("BigInteger", "integer"),
            Map.entry("Double", "float"),
            Map.entry("BigDecimal", "float"));

    /** A library class named in quotes, with or without its package: {@code 'LinkedHashMap'}, {@code 'java.…'}. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("'(?:(?:java|graphql)\\.[\\w.]*\\.)?(" + String.join("|", GRAPHQL_WORDS.keySet()) + ")'");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getErrors().stream()
                    .noneMatch(error -> !inGraphQlWords(error.getMessage()).equals(error.getMessage()))) {
                return response;
            }
            List<GraphQLError> errors = response.getErrors().stream()
                    .map(ErrorMessageMasking::masked)
                    .toList();
            return response.transform(builder -> builder.errors(errors));
        });
    }

    private static GraphQLError masked(ResponseError error) {
        return new Masked(error, inGraphQlWords(error.getMessage()));
    }

    /** The error as it was, with its message in GraphQL's words. */
    private record Masked(ResponseError error, String message) implements GraphQLError {

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public List<SourceLocation> getLocations() {
            return error.getLocations().isEmpty() ? null : error.getLocations();
        }

        @Override
        public ErrorClassification getErrorType() {
            return error.getErrorType();
        }

        @Override
        public List<Object> getPath() {
            return error.getParsedPath().isEmpty() ? null : error.getParsedPath();
        }

        @Override
        public Map<String, Object> getExtensions() {
            return error.getExtensions().isEmpty() ? null : error.getExtensions();
        }
    }

    static String inGraphQlWords(String message) {
        if (message == null) {
            return null;
        }
        String words = message;
        for (String before = null; !words.equals(before); ) {
            before = words;
            words = NODE.matcher(words).replaceAll("…");
        }
        words = LEFT_OVER_VALUE.matcher(words).replaceAll("");
        Matcher className = CLASS_NAME.matcher(words);
        return className.replaceAll(found -> "'" + GRAPHQL_WORDS.get(found.group(1)) + "'");
    }
}
