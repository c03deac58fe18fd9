package nl.nabij.security;

import io.micrometer.context.ContextRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DelegatingTransactionDefinition;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The moment a GraphQL request must be answered by, {@code nabij.graphql.timeout} after it arrived, carried to the
 * threads that fetch its fields. Every database transaction the request opens gets the time that is left as its
 * timeout, so the database itself rolls back what runs past it: a request answered 408 leaves no statement running.
 */
final class RequestDeadline implements WebGraphQlInterceptor {

    private static final String KEY = RequestDeadline.class.getName();
    private static final ThreadLocal<Instant> DEADLINE = new ThreadLocal<>();

    static {
        // Spring for GraphQL restores registered thread-locals around every data fetcher, on whatever thread it runs.
        ContextRegistry.getInstance().registerThreadLocalAccessor(KEY, DEADLINE);
    }

    private final Duration timeout;

    RequestDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).contextWrite(Context.of(KEY, Instant.now().plus(timeout)));
    }

    /**
     * The transaction as asked for, or, while a request is served, with no more than the request's remaining time
     * (at least a second, the driver's unit).
     */
    static TransactionDefinition withinDeadline(TransactionDefinition definition) {
        TransactionDefinition asked = definition == null ? TransactionDefinition.withDefaults() : definition;
        Instant deadline = DEADLINE.get();
        if (deadline == null) {
            return asked;
        }
        long millisLeft = Duration.between(Instant.now(), deadline).toMillis();
        int secondsLeft = (int) Math.max(1, (millisLeft + 999) / 1000);
        if (asked.getTimeout() != TransactionDefinition.TIMEOUT_DEFAULT && asked.getTimeout() <= secondsLeft) {
            return asked;
        }
        return new DelegatingTransactionDefinition(asked) {
            @Override
            public int getTimeout() {
                return secondsLeft;
            }
        };
    }

    /** A transaction manager whose transactions end by the deadline of the request that opened them. */
    static final class BoundTransactions implements PlatformTransactionManager, ConfigurableTransactionManager {

        private final AbstractPlatformTransactionManager transactions;

        BoundTransactions(AbstractPlatformTransactionManager transactions) {
            this.transactions = transactions;
        }

        /** The listeners of the manager it binds, such as the backup's write lanes: wrapping it must not hide them. */
        @Override
        public Collection<TransactionExecutionListener> getTransactionExecutionListeners() {
            return transactions.getTransactionExecutionListeners();
        }

        @Override
        public void setTransactionExecutionListeners(Collection<TransactionExecutionListener> listeners) {
            transactions.setTransactionExecutionListeners(listeners);
        }

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return transactions.getTransaction(withinDeadline(definition));
        }

        @Override
        public void commit(TransactionStatus status) {
            transactions.commit(status);
        }

        @Override
        public void rollback(TransactionStatus status) {
            transactions.rollback(status);
        }
    }
}
