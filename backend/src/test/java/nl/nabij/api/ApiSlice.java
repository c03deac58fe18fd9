package nl.nabij.api;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The API-wide wiring a {@code @GraphQlTest} slice does not pick up by itself, as it is declared in configuration
 * classes: the {@code Date} scalar, without which the schema does not load, and the checks of paging arguments.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({DateScalarConfiguration.class, PagingArguments.class})
public class ApiSlice {}
