package nl.nabij.database;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a whole transaction again when Neo4j failed it for a reason that passes: a deadlock, a lock wait cut short, a
 * cluster's leader switching ({@link RetryableException} from the driver, {@link TransientDataAccessException} once
 * Spring has translated it, also when it surfaces at commit). Only the outermost transaction is retried, as a whole,
 * after a short, growing, jittered pause; a transaction joined by an inner call fails with its outer one, which
 * retries. An unreachable database is not retried: the caller learns that at once as {@code DATABASE_UNAVAILABLE}.
 * {@link TransactionRetryConfiguration} puts it around every {@code @Transactional} method and every
 * {@link org.springframework.transaction.support.TransactionOperations} the application uses.
 */
public final class TransientErrors implements MethodInterceptor {

    /**
     * Nine tries within about three seconds, well inside a request's 10 s: enough for deadlocks among a few dozen
     * concurrent writers. The jitter is as large as the first pause, so two transactions that deadlocked do not meet
     * again in step.
     */
    private static final RetryPolicy POLICY = RetryPolicy.builder()
            .predicate(TransientErrors::isTransient)
            .maxRetries(8)
            .delay(Duration.ofMillis(25))
            .multiplier(2)
            .jitter(Duration.ofMillis(25))
            .maxDelay(Duration.ofMillis(800))
            .build();

    private final RetryTemplate retries = new RetryTemplate(POLICY);

    /** Whether an error of the database says that the same transaction, run again, may well succeed. */
    static boolean isTransient(Throwable error) {
        boolean transientError = false;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServiceUnavailableException) {
                return false;
            }
            transientError |= cause instanceof RetryableException || cause instanceof TransientDataAccessException;
        }
        return transientError;
    }

    /** Runs {@code work}, which begins and ends its own transaction, again after a transient error. */
    <T> T retry(Supplier<T> work) {
        return TransactionSynchronizationManager.isActualTransactionActive() ? work.get() : retries.invoke(work);
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return invocation.proceed();
        }
        Method method = invocation.getMethod();
        try {
            return retries.execute(new Retryable<>() {
                @Override
                public Object execute() throws Throwable {
                    // A copy per try: an invocation that has proceeded cannot proceed again.
                    return ((ProxyMethodInvocation) invocation).invocableClone().proceed();
                }

                @Override
                public String getName() {
                    return method.getDeclaringClass().getSimpleName() + "." + method.getName();
                }
            });
        } catch (RetryException exhausted) {
            throw exhausted.getCause();
        }
    }
}
