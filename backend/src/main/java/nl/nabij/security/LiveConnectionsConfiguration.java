package nl.nabij.security;

import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * Serves {@code /graphql-ws} with {@link LiveConnections} instead of Spring Boot's plain handler, configured from the
 * same {@code spring.graphql.websocket.*} and CORS properties, so the app can close a socket whose user may no longer
 * sign in.
 */
@Configuration(proxyBeanMethods = false)
class LiveConnectionsConfiguration {

    @Bean
    LiveConnections graphQlWebSocketHandler(
            WebGraphQlHandler handler, GraphQlProperties graphQl, GraphQlCorsProperties cors, SecurityQueries queries) {
        return new LiveConnections(
                handler,
                new JacksonJsonHttpMessageConverter(),
                graphQl.getWebsocket().getConnectionInitTimeout(),
                graphQl.getWebsocket().getKeepAlive(),
                cors.toCorsConfiguration(),
                queries);
    }
}
