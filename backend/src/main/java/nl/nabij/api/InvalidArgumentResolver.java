package nl.nabij.api;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/** Turns {@link InvalidArgumentException} into a BAD_REQUEST error whose extensions name the field and a code. */
@Component
class InvalidArgumentResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        if (!(exception instanceof InvalidArgumentException invalid)) {
            return null;
        }
        return GraphqlErrorBuilder.newError(environment)
                .errorType(ErrorType.BAD_REQUEST)
                .message(invalid.getMessage())
                .extensions(Map.of("field", invalid.field(), "code", invalid.code()))
                .build();
    }
}
