package nl.nabij.support;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotatedBeanDefinitionReader;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.testcontainers.DockerClientFactory;

/**
 * Chooses the database the integration suites run against. By default the embedded one; with
 * {@code -Dnabij.test.database=container} (the build's failsafe run) the {@link ContainerDatabase} instead, so every
 * suite runs against both. Without a Docker engine the container run is skipped, unless it is required: in CI
 * ({@code CI=true}) or with {@code NABIJ_CONTAINERS_REQUIRED=true}; {@code NABIJ_CONTAINERS_REQUIRED=false} lifts it.
 */
public class DatabaseUnderTest implements ContextCustomizerFactory, ExecutionCondition {

    static boolean containerSelected() {
        return "container".equals(System.getProperty("nabij.test.database"));
    }

    static boolean containersRequired() {
        String required = System.getenv("NABIJ_CONTAINERS_REQUIRED");
        return required != null ? Boolean.parseBoolean(required) : "true".equals(System.getenv("CI"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!containerSelected() || DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("the database under test is available");
        }
        if (containersRequired()) {
            throw new IllegalStateException("the container tests are required here (CI=true or "
                    + "NABIJ_CONTAINERS_REQUIRED=true) but no Docker engine answers: run them through "
                    + "container/engine.sh run, or set NABIJ_CONTAINERS_REQUIRED=false");
        }
        return ConditionEvaluationResult.disabled("no Docker engine for the container run");
    }

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        boolean integrationSuite = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(NabijIntegrationTest.class);
        return containerSelected() && integrationSuite ? new UseContainer() : null;
    }

    /** Turns the embedded database off and registers the container's service connection. */
    private record UseContainer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("containerDatabase", Map.of("nabij.embedded.enabled", "false")));
            new AnnotatedBeanDefinitionReader((BeanDefinitionRegistry) context).register(ContainerDatabase.class);
        }
    }
}
