package nl.nabij.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A document sent again is not parsed again, yet every request still gets its own answer for its own variables, and
 * a document that does not validate is refused every time it is sent.
 */
class ParsedDocumentsTest {

    private final ParsedDocuments documents = new ParsedDocuments();
    private final AtomicInteger parsed = new AtomicInteger();
    private final GraphQL graphQl = GraphQL.newGraphQL(schema())
            .preparsedDocumentProvider((input, parseAndValidate) -> documents.getDocumentAsync(input, first -> {
                parsed.incrementAndGet();
                return parseAndValidate.apply(first);
            }))
            .build();

    @Test
    void theSameDocumentWithOtherVariablesIsParsedOnceAndAnsweredForEach() {
        String document = "query ($name: String!) { greeting(name: $name) }";

        ExecutionResult first =
                graphQl.execute(ExecutionInput.newExecutionInput(document).variables(Map.of("name", "Anna")));
        ExecutionResult second =
                graphQl.execute(ExecutionInput.newExecutionInput(document).variables(Map.of("name", "Bram")));

        assertThat(first.<Map<String, Object>>getData()).containsEntry("greeting", "Dag Anna");
        assertThat(second.<Map<String, Object>>getData()).containsEntry("greeting", "Dag Bram");
        assertThat(parsed).hasValue(1);
    }

    @Test
    void aDocumentThatDoesNotValidateIsRefusedEveryTime() {
        String document = "{ greeting(name: \"Anna\") nonsense }";

        ExecutionResult first = graphQl.execute(document);
        ExecutionResult second = graphQl.execute(document);

        assertThat(first.getErrors()).isNotEmpty();
        assertThat(second.getErrors()).isEqualTo(first.getErrors());
        assertThat(second.isDataPresent()).isFalse();
    }

    private static GraphQLSchema schema() {
        return new SchemaGenerator()
                .makeExecutableSchema(
                        new SchemaParser().parse("type Query { greeting(name: String!): String }"),
                        RuntimeWiring.newRuntimeWiring()
                                .type(
                                        "Query",
                                        type -> type.dataFetcher(
                                                "greeting", environment -> "Dag " + environment.getArgument("name")))
                                .build());
    }
}
