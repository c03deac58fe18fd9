package nl.nabij.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.nabij.support.NabijIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A real deadlock between two transactions ends with both committed: Neo4j fails one, and it is run again. Every
 * transactional bean of the application carries the same retry, so no write path can be without it.
 */
@NabijIntegrationTest
class TransientErrorsTest {

    private static final String LOCK =
            "MATCH (n:RetryProbe {number: $number}) SET n.lockedBy = $by RETURN n.number AS number";

    @Autowired
    TransactionOperations transactions;

    @Autowired
    Neo4jClient client;

    @Autowired
    Driver driver;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void twoNodesToLock() {
        driver.executableQuery("UNWIND [1, 2] AS number CREATE (:RetryProbe {number: number})")
                .execute();
    }

    @AfterEach
    void removeThem() {
        driver.executableQuery("MATCH (n:RetryProbe) DELETE n").execute();
    }

    @Test
    void ofTwoTransactionsThatDeadlockTheFailedOneIsRunAgainAndBothCommit() throws Exception {
        CountDownLatch bothHoldTheirFirstLock = new CountDownLatch(2);
        AtomicInteger tries = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int[] order : List.of(new int[] {1, 2}, new int[] {2, 1})) {
            String by = "first " + order[0];
            outcomes.add(threads.submit(() -> transactions.execute(status -> {
                boolean firstTry = tries.incrementAndGet() <= 2;
                lock(order[0], by);
                if (firstTry) {
                    bothHoldTheirFirstLock.countDown();
                    await(bothHoldTheirFirstLock);
                }
                lock(order[1], by);
                return by;
            })));
        }
        List<String> committed = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            committed.add(outcome.get(60, TimeUnit.SECONDS));
        }
        threads.shutdown();

        assertThat(committed).containsExactly("first 1", "first 2");
        assertThat(tries.get()).as("tries, the deadlocked one twice").isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyTransactionalBeanRetriesTransientErrors() {
        var transactional = new AnnotationTransactionAttributeSource(false);
        List<String> transactionalBeans = new ArrayList<>();
        List<String> withoutRetry = new ArrayList<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type == null || !type.getPackageName().startsWith("nl.nabij")) {
                continue;
            }
            Class<?> target = AopUtils.getTargetClass(context.getBean(name));
            boolean hasTransactions = Arrays.stream(target.getDeclaredMethods())
                    .anyMatch((Method method) -> transactional.getTransactionAttribute(method, target) != null);
            if (!hasTransactions) {
                continue;
            }
            transactionalBeans.add(name);
            Object bean = context.getBean(name);
            boolean retried = bean instanceof Advised advised
                    && Arrays.stream(advised.getAdvisors()).anyMatch(a -> a.getAdvice() instanceof TransientErrors);
            if (!retried) {
                withoutRetry.add(name);
            }
        }

        assertThat(transactionalBeans).hasSizeGreaterThan(10);
        assertThat(withoutRetry).isEmpty();
    }

    private void lock(int number, String by) {
        client.query(LOCK)
                .bindAll(Map.of("number", number, "by", by))
                .fetch()
                .one()
                .orElseThrow();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
