package nl.nabij.api;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.List;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorStrategy;

/**
 * Checks the paging arguments of every connection field before its controller runs, where Spring for GraphQL would
 * take them as they come: forward ({@code first}, {@code after}) or backward ({@code last}, {@code before}), not both;
 * a page of 1 to {@value Paging#MAXIMUM} nodes; a cursor this server wrote. Each failure is a typed error naming the
 * argument, and the message never repeats the value.
 */
@Configuration(proxyBeanMethods = false)
class PagingArguments {

    @Bean
    GraphQlSourceBuilderCustomizer pagingArgumentsChecked(CursorStrategy<ScrollPosition> cursors) {
        return builder -> builder.typeVisitors(List.of(new Check(cursors)));
    }

    /** Wraps the data fetcher of each field whose type is a {@code *Connection} with the check. */
    private static final class Check extends GraphQLTypeVisitorStub {

        private final CursorStrategy<ScrollPosition> cursors;

        Check(CursorStrategy<ScrollPosition> cursors) {
            this.cursors = cursors;
        }

        @Override
        public TraversalControl visitGraphQLFieldDefinition(
                GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
            if (context.getParentNode() instanceof GraphQLFieldsContainer parent
                    && GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLNamedType type
                    && type.getName().endsWith("Connection")
                    && field.getArgument("first") != null) {
                GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
                FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
                DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
                registry.dataFetcher(coordinates, (DataFetcher<?>) environment -> {
                    check(environment);
                    return fetcher.get(environment);
                });
            }
            return TraversalControl.CONTINUE;
        }

        private void check(DataFetchingEnvironment environment) {
            Integer first = environment.getArgument("first");
            String after = environment.getArgument("after");
            Integer last = environment.getArgument("last");
            String before = environment.getArgument("before");
            if ((first != null || after != null) && (last != null || before != null)) {
                throw new InvalidArgumentException(
                        "last",
                        "CONFLICTING_PAGING",
                        "page forward (first, after) or backward (last, before), not both");
            }
            size("first", first);
            size("last", last);
            cursor("after", after);
            cursor("before", before);
        }

        private static void size(String field, Integer requested) {
            if (requested != null && (requested < 1 || requested > Paging.MAXIMUM)) {
                throw new InvalidArgumentException(
                        field, "PAGE_SIZE_OUT_OF_RANGE", field + " must be between 1 and " + Paging.MAXIMUM);
            }
        }

        private void cursor(String field, String cursor) {
            if (cursor == null) {
                return;
            }
            try {
                cursors.fromCursor(cursor);
            } catch (RuntimeException e) {
                throw new InvalidArgumentException(field, "MALFORMED_CURSOR", field + " is not a cursor of this list");
            }
        }
    }
}
