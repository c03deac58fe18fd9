package nl.nabij.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code spring.neo4j.uri} is absent or blank: only then does the embedded database start. */
class ExternalNeo4jNotConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String uri = context.getEnvironment().getProperty("spring.neo4j.uri");
        return uri == null || uri.isBlank();
    }
}
