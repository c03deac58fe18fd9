package nl.nabij.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestGraph;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.JsonNode;

/**
 * The access tables against the schema itself, so a new operation or type cannot ship without a rule, and every
 * mutation, generated from the schema, refused to every role the table does not name, with a DENIED audit event.
 */
@NabijIntegrationTest
class SchemaAccessRulesTest {

    private static final Set<String> ROOTS = Set.of("Query", "Mutation", "Subscription");

    @Autowired
    GraphQlSource graphQl;

    @Autowired
    Driver driver;

    @LocalServerPort
    int port;

    @Test
    void everyOperationOfTheSchemaHasARuleAndEveryRuleAnOperation() {
        GraphQLSchema schema = graphQl.schema();
        Set<String> operations = Stream.of(
                        schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType())
                .flatMap(type -> type.getFieldDefinitions().stream())
                .map(GraphQLFieldDefinition::getName)
                .collect(Collectors.toSet());

        assertThat(AccessRules.OPERATIONS.keySet()).containsExactlyInAnyOrderElementsOf(operations);
        assertThat(operations).containsAll(AccessRules.PUBLIC_OPERATIONS);
    }

    @Test
    void everyObjectTypeOfTheSchemaIsGuardedOrDeclaredFreeOfPersonalData() {
        Set<String> types = objectTypes(graphQl.schema()).stream()
                .map(GraphQLObjectType::getName)
                .collect(Collectors.toSet());

        assertThat(AccessRules.TYPES.keySet()).doesNotContainAnyElementsOf(AccessRules.UNGUARDED_TYPES);
        Set<String> decided = new HashSet<>(AccessRules.TYPES.keySet());
        decided.addAll(AccessRules.UNGUARDED_TYPES);
        assertThat(decided).containsExactlyInAnyOrderElementsOf(types);
    }

    @Test
    void everyMutationRefusesEveryRoleItsRuleDoesNotNameAndTheTrailRecordsIt() throws Exception {
        GraphQLSchema schema = graphQl.schema();
        List<String> checked = new ArrayList<>();
        for (GraphQLFieldDefinition mutation : schema.getMutationType().getFieldDefinitions()) {
            String document = "mutation { " + mutation.getName() + arguments(mutation) + " { __typename } }";
            for (Role role : Role.values()) {
                if (AccessRules.OPERATIONS.get(mutation.getName()).contains(role)) {
                    continue;
                }
                NabijUser user = TestUsers.demo(role);
                long before = denials(user, mutation.getName());

                JsonNode answer = GraphQlClients.answer(port, document, user);

                assertThat(answer.path("errors")
                                .path(0)
                                .path("extensions")
                                .path("classification")
                                .asString())
                        .as(role + " → " + document + ": " + answer)
                        .isEqualTo("FORBIDDEN");
                JsonNode data = answer.path("data").path(mutation.getName());
                assertThat(data.isNull() || data.isMissingNode())
                        .as("no data: " + answer)
                        .isTrue();
                assertThat(denials(user, mutation.getName()))
                        .as(role + " → " + mutation.getName())
                        .isEqualTo(before + 1);
                checked.add(role + " → " + mutation.getName());
            }
        }
        assertThat(checked)
                .hasSizeGreaterThan(
                        schema.getMutationType().getFieldDefinitions().size());
    }

    private long denials(NabijUser user, String operation) {
        return TestGraph.count(
                driver,
                "MATCH (e:AuditEvent {purpose: $operation, outcome: 'DENIED', role: $role}) RETURN count(e) AS value",
                Map.of("operation", operation, "role", user.role().name()));
    }

    static List<GraphQLObjectType> objectTypes(GraphQLSchema schema) {
        return schema.getAllTypesAsList().stream()
                .filter(GraphQLObjectType.class::isInstance)
                .map(GraphQLObjectType.class::cast)
                .filter(type -> !type.getName().startsWith("__") && !ROOTS.contains(type.getName()))
                .toList();
    }

    /** The field's required arguments with values that pass validation: the access rule acts before any check. */
    private static String arguments(GraphQLFieldDefinition field) {
        String arguments = field.getArguments().stream()
                .filter(argument -> GraphQLTypeUtil.isNonNull(argument.getType()))
                .map(argument -> argument.getName() + ": " + value(argument.getType()))
                .collect(Collectors.joining(", "));
        return arguments.isEmpty() ? "" : "(" + arguments + ")";
    }

    private static String value(GraphQLInputType type) {
        GraphQLInputType bare = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        if (GraphQLTypeUtil.isList(bare)) {
            return "[]";
        }
        if (bare instanceof GraphQLInputObjectType input) {
            return input.getFields().stream()
                    .filter(field -> field.getType() instanceof GraphQLNonNull)
                    .map(field -> field.getName() + ": " + value(field.getType()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (bare instanceof GraphQLEnumType enumeration) {
            return enumeration.getValues().getFirst().getName();
        }
        return switch (((GraphQLScalarType) bare).getName()) {
            case "Int", "Float" -> "1";
            case "Boolean" -> "false";
            case "Date" -> "\"2026-01-01\"";
            default -> "\"x\"";
        };
    }
}
