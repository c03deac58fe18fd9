package nl.nabij.security;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.core.MethodParameter;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;
import org.springframework.stereotype.Component;

/**
 * Resolves an {@link Actor} parameter of a controller method from the security context of the request and the origin
 * {@link CurrentUserInterceptor} put into the GraphQL context. Spring Boot adds every such resolver bean to the
 * {@code AnnotatedControllerConfigurer}. It does not serve {@code @BatchMapping} methods, which Spring for GraphQL
 * resolves with a fixed set of arguments.
 */
@Component
class ActorResolver implements HandlerMethodArgumentResolver {

    private final CurrentUser currentUser;

    ActorResolver(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment environment) {
        String origin = environment.getGraphQlContext().get(CurrentUser.ORIGIN);
        return new Actor(currentUser.get(), origin);
    }
}
