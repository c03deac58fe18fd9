package nl.nabij.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches unless {@code spring.neo4j.uri} is set or {@code nabij.embedded.enabled} is false. The second switch is
 * for connections that arrive as beans rather than properties, such as a Testcontainers service connection.
 */
class EmbeddedNeo4jWanted implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        String uri = environment.getProperty("spring.neo4j.uri");
        boolean enabled = environment.getProperty("nabij.embedded.enabled", Boolean.class, true);
        return enabled && (uri == null || uri.isBlank());
    }
}
