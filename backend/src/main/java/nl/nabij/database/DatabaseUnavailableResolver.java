package nl.nabij.database;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Tells the caller plainly when Neo4j cannot be reached, instead of a masked internal error: the request failed
 * fast, nothing was changed, and trying again later is the right thing to do. The driver reconnects by itself.
 */
@Component
class DatabaseUnavailableResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable error, DataFetchingEnvironment environment) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServiceUnavailableException || cause instanceof SessionExpiredException) {
                return GraphqlErrorBuilder.newError(environment)
                        .errorType(ErrorType.INTERNAL_ERROR)
                        .message("The database cannot be reached right now; nothing was changed. Try again shortly.")
                        .extensions(Map.of("code", "DATABASE_UNAVAILABLE"))
                        .build();
            }
        }
        return null;
    }
}
