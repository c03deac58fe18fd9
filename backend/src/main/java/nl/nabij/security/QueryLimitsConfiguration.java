package nl.nabij.security;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.Node;
import graphql.schema.GraphQLTypeUtil;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import nl.nabij.database.StatementTimeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.Neo4jTemplate;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;
import org.springframework.transaction.TransactionDefinition;

/** Depth, cost, alias and time limits on every GraphQL request. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EndpointLimits.class)
class QueryLimitsConfiguration {

    @Bean
    Instrumentation maxDepth(EndpointLimits limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth());
    }

    @Bean
    Instrumentation maxCost(EndpointLimits limits) {
        return new MaxQueryComplexityInstrumentation(
                limits.maxCost(), listAwareCost(limits.listFanOut(), limits.maxCost()));
    }

    @Bean
    Instrumentation maxAliases(EndpointLimits limits) {
        return new MaxAliasesInstrumentation(limits.maxAliases());
    }

    @Bean
    TimeoutWebGraphQlInterceptor requestTimeout(EndpointLimits limits) {
        return new TimeoutWebGraphQlInterceptor(limits.timeout());
    }

    @Bean
    RequestDeadline requestDeadline(EndpointLimits limits) {
        return new RequestDeadline(limits.timeout());
    }

    /**
     * What is left of the request's time for a statement the database runs in-process, outside Spring's transactions;
     * the transactions' default outside a request.
     */
    @Bean
    StatementTimeout statementTimeout(@Value("${spring.transaction.default-timeout:15s}") Duration outsideRequests) {
        return () -> {
            int seconds = RequestDeadline.withinDeadline(null).getTimeout();
            return seconds == TransactionDefinition.TIMEOUT_DEFAULT ? outsideRequests : Duration.ofSeconds(seconds);
        };
    }

    /**
     * The answer of a request past its time limit is 408, and its transactions must not go on without it: the
     * database's transaction manager, embedded or external, gives each one the request's remaining time. Spring Data
     * Neo4j's template looks for a transaction manager of its own type, which the bound one is not, so it is handed
     * the bound one too.
     */
    @Bean
    static BeanPostProcessor transactionsEndWithTheirRequest() {
        return new BeanPostProcessor() {
            private RequestDeadline.BoundTransactions bound;

            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof Neo4jTransactionManager transactions) {
                    bound = new RequestDeadline.BoundTransactions(transactions);
                    return bound;
                }
                if (bean instanceof Neo4jTemplate template && bound != null) {
                    template.setTransactionManager(bound);
                }
                return bean;
            }
        };
    }

    /**
     * A list costs what one element costs times its page size, or times the assumed fan-out without one. The
     * arithmetic saturates: a field costs at most one more than the limit, so no sum of fields can wrap around to a
     * small or negative total (graphql-java adds the fields' costs in {@code int}s, and a document is at most
     * {@code maxDocumentSize} long, so the sum of its fields stays far below {@link Integer#MAX_VALUE}).
     */
    static FieldComplexityCalculator listAwareCost(int listFanOut, int maxCost) {
        int saturated = maxCost + 1;
        return (environment, childComplexity) -> {
            Object first = environment.getArguments().get("first");
            Object last = environment.getArguments().get("last");
            long multiplier;
            if (first instanceof Integer size) {
                multiplier = size;
            } else if (last instanceof Integer size) {
                multiplier = size;
            } else if (environment.getField().getName().equals("edges")) {
                // A connection's page size is already counted at the connection field itself.
                multiplier = 1;
            } else if (GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(
                    environment.getFieldDefinition().getType()))) {
                multiplier = listFanOut;
            } else {
                multiplier = 1;
            }
            // A negative sum can only have wrapped around: it is priced as past the limit, never as free.
            long children = childComplexity < 0 ? saturated : childComplexity;
            return (int) Math.min(saturated, 1 + children * Math.max(multiplier, 1L));
        };
    }

    /** Refuses documents with more aliased fields than allowed, before any field is fetched. */
    static final class MaxAliasesInstrumentation extends SimplePerformantInstrumentation {

        private final int maxAliases;

        MaxAliasesInstrumentation(int maxAliases) {
            this.maxAliases = maxAliases;
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            int aliases = countAliases(parameters.getExecutionContext().getDocument());
            if (aliases > maxAliases) {
                throw new AbortExecutionException(
                        "the document has " + aliases + " aliased fields; at most " + maxAliases + " are allowed");
            }
            return super.beginExecuteOperation(parameters, state);
        }

        private static int countAliases(Node<?> root) {
            int aliases = 0;
            Deque<Node<?>> pending = new ArrayDeque<>(List.of(root));
            while (!pending.isEmpty()) {
                Node<?> node = pending.pop();
                if (node instanceof Field field && field.getAlias() != null) {
                    aliases++;
                }
                node.getChildren().forEach(pending::push);
            }
            return aliases;
        }
    }
}
