package nl.nabij.security;

import graphql.schema.idl.SchemaPrinter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The whole schema as SDL at {@value #PATH}, for the roles that may introspect ({@link EndpointLimits}) and nobody
 * else: it is introspection by another door, so it follows the same rule. Spring Boot's own printout is off, as it
 * served everyone who signed in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SchemaPrintout {

    static final String PATH = "/graphql/schema";

    @Bean
    RouterFunction<ServerResponse> schemaAsSdl(GraphQlSource source, CurrentUser currentUser, EndpointLimits limits) {
        return RouterFunctions.route()
                .GET(PATH, request -> {
                    try {
                        if (!limits.introspectionRoles()
                                .contains(currentUser.get().role())) {
                            return ServerResponse.status(HttpStatus.FORBIDDEN).build();
                        }
                    } catch (AuthenticationException anonymous) {
                        return ServerResponse.status(HttpStatus.UNAUTHORIZED).build();
                    }
                    return ServerResponse.ok()
                            .contentType(MediaType.TEXT_PLAIN)
                            .body(new SchemaPrinter().print(source.schema()));
                })
                .build();
    }
}
