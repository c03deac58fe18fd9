package nl.nabij.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The public GraphQL endpoint, {@value #PATH}: the same schema and limits as {@code /graphql}, without sign-in.
 * Anonymous requests only reach the operations in {@link AccessRules#PUBLIC_OPERATIONS}; everything else answers
 * UNAUTHORIZED there. A separate path keeps {@code /graphql} answering 401 to anyone without credentials, as
 * GraphQL-over-HTTP clients expect, instead of 200 with an error per field.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PublicGraphQlConfiguration {

    static final String PATH = "/public/graphql";

    @Bean
    RouterFunction<ServerResponse> publicGraphQl(GraphQlHttpHandler handler) {
        return RouterFunctions.route().POST(PATH, handler::handleRequest).build();
    }
}
