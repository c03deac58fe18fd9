package nl.nabij.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each GraphQL document is parsed and validated once: clients send the same few documents (the web app's are fixed
 * literals) with different variables, and parsing and validating them again on every request showed in the profile of
 * every request (docs/explanation/performance.md). What validation says depends on the document and the schema only (every user sees the same
 * schema), and its messages on the request's locale, so the answer is kept per document and locale, errors included.
 * Everything that depends on the request still runs on each: variables, the depth, cost and alias limits, the access
 * rules. The cache is bounded by the documents' total length, so large documents cannot grow it past
 * {@link #MAX_CHARACTERS}.
 */
@Configuration(proxyBeanMethods = false)
class ParsedDocuments implements PreparsedDocumentProvider {

    /** The most characters of documents kept; the documents used most stay. */
    static final long MAX_CHARACTERS = 8L * 1024 * 1024;

    private record Key(String document, Locale locale) {}

    private final Cache<Key, PreparsedDocumentEntry> documents = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARACTERS)
            .weigher((Key key, PreparsedDocumentEntry entry) -> key.document().length())
            .build();

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return CompletableFuture.completedFuture(
                documents.get(new Key(input.getQuery(), input.getLocale()), key -> parseAndValidate.apply(input)));
    }

    @Bean
    GraphQlSourceBuilderCustomizer documentsParsedOnce() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }
}
