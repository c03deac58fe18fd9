package nl.nabij.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.SecurityDataFetcherExceptionResolver;

/**
 * The security a {@code @GraphQlTest} slice needs to behave as the endpoint does: the {@link Actor} argument, the
 * limits {@link AccessRules} reads (the rules themselves are an instrumentation, which the slice includes), and the
 * resolver that makes a refusal FORBIDDEN, which Spring Boot otherwise configures with the web security.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ActorResolver.class, CurrentUser.class})
@EnableConfigurationProperties(EndpointLimits.class)
public class SecuritySlice {

    @Bean
    SecurityDataFetcherExceptionResolver securityDataFetcherExceptionResolver() {
        return new SecurityDataFetcherExceptionResolver();
    }
}
