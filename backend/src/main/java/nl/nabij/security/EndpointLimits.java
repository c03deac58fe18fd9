package nl.nabij.security;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits of the GraphQL endpoint.
 *
 * @param maxDocumentSize the largest request body; larger ones get 413 before they are parsed
 * @param maxDepth the deepest selection nesting
 * @param maxCost the highest estimated cost: every field costs 1, a list multiplies the cost of what it selects by its
 *     page size ({@code first}/{@code last}) or, without one, by {@code listFanOut}; aliases are fields like any other
 * @param listFanOut the assumed length of a list without a page size
 * @param maxAliases the most aliased fields in one document
 * @param timeout the longest a request may run; it then ends with 408 and its transactions end with it
 * @param introspectionRoles the roles that may read the schema, by introspection ({@code __schema}, {@code __type})
 *     and at {@code /graphql/schema}: staff by default, in every profile; {@code __typename} is for everyone
 */
@ConfigurationProperties("nabij.graphql")
public record EndpointLimits(
        @DefaultValue("64KB") DataSize maxDocumentSize,
        @DefaultValue("12") int maxDepth,
        @DefaultValue("5000") int maxCost,
        @DefaultValue("5") int listFanOut,
        @DefaultValue("30") int maxAliases,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue({"PROFESSIONAL", "TEAM_LEAD", "ANALYST", "ADMINISTRATOR"}) Set<Role> introspectionRoles) {}
