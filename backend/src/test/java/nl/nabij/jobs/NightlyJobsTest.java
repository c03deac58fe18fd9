package nl.nabij.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.nabij.support.NabijIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * The nightly jobs as the scheduler runs them: the task registered for the involvement lifecycle's cron expression is
 * run as the scheduler would, not the method tests usually call. It runs in one transaction, and once per cluster: an
 * instance that finds the lease taken by another skips the night, and instances that fire at once run it once.
 */
@NabijIntegrationTest
class NightlyJobsTest {

    @Autowired
    Driver driver;

    @Autowired
    ScheduledTaskHolder scheduler;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Clock clock;

    @Value("${nabij.involvement.lifecycle-cron:0 0 3 * * *}")
    String lifecycleCron;

    private final String involvementId = UUID.randomUUID().toString();
    private final List<String> committed = Collections.synchronizedList(new ArrayList<>());
    private final TransactionExecutionListener commits = new TransactionExecutionListener() {
        @Override
        public void afterCommit(TransactionExecution transaction, Throwable failure) {
            if (failure == null) {
                committed.add(transaction.getTransactionName());
            }
        }
    };

    /** An active involvement whose period ended yesterday: the lifecycle's next run ends it as EXPIRED. */
    @BeforeEach
    void anInvolvementPastItsPeriod() {
        driver.executableQuery("CREATE (:Involvement {id: $id, status: 'ACTIVE', expiresOn: $yesterday})")
                .withParameters(Map.of(
                        "id", involvementId, "yesterday", LocalDate.now(clock).minusDays(1)))
                .execute();
        driver.executableQuery("MATCH (l:JobLock) DETACH DELETE l").execute();
        ((ConfigurableTransactionManager) transactionManager).addListener(commits);
    }

    @AfterEach
    void removeIt() {
        ((ConfigurableTransactionManager) transactionManager)
                .getTransactionExecutionListeners()
                .remove(commits);
        driver.executableQuery("MATCH (i:Involvement {id: $id}) DETACH DELETE i")
                .withParameters(Map.of("id", involvementId))
                .execute();
        driver.executableQuery("MATCH (l:JobLock) DETACH DELETE l").execute();
    }

    private Runnable scheduledLifecycle() {
        return scheduler.getScheduledTasks().stream()
                .map(ScheduledTask::getTask)
                .filter(task ->
                        task instanceof CronTask cron && cron.getExpression().equals(lifecycleCron))
                .findFirst()
                .orElseThrow()
                .getRunnable();
    }

    private String status() {
        return driver.executableQuery(
                        "MATCH (i:Involvement {id: $id}) RETURN i.status + '/' + coalesce(i.endReason, '')")
                .withParameters(Map.of("id", involvementId))
                .execute()
                .records()
                .get(0)
                .get(0)
                .asString();
    }

    private long lifecycleTransactions() {
        return committed.stream()
                .filter(name -> name.endsWith("InvolvementLifecycle.runOn"))
                .count();
    }

    @Test
    void theScheduledLifecycleRunsInTheTransactionItDeclares() {
        scheduledLifecycle().run();

        assertThat(status()).isEqualTo("ENDED/EXPIRED");
        assertThat(lifecycleTransactions()).isEqualTo(1);
    }

    @Test
    void anInstanceThatFindsTheLeaseTakenSkipsTheNight() {
        driver.executableQuery(
                        """
                        CREATE (:JobLock {name: 'involvement-lifecycle', holder: 'another-instance',
                                since: datetime(), until: datetime() + duration('PT10M')})
                        """)
                .execute();

        scheduledLifecycle().run();
        assertThat(status()).isEqualTo("ACTIVE/");

        driver.executableQuery(
                        "MATCH (l:JobLock {name: 'involvement-lifecycle'}) SET l.until = datetime() - duration('PT1S')")
                .execute();
        scheduledLifecycle().run();
        assertThat(status()).isEqualTo("ENDED/EXPIRED");
    }

    @Test
    void instancesThatFireAtOnceRunTheJobOnce() throws Exception {
        int instances = 4;
        CyclicBarrier together = new CyclicBarrier(instances);
        Runnable lifecycle = scheduledLifecycle();
        try (ExecutorService threads = Executors.newFixedThreadPool(instances)) {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                runs.add(CompletableFuture.runAsync(
                        () -> {
                            try {
                                together.await();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            lifecycle.run();
                        },
                        threads));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
        }

        assertThat(status()).isEqualTo("ENDED/EXPIRED");
        assertThat(lifecycleTransactions()).isEqualTo(1);
        scheduledLifecycle().run();
        assertThat(lifecycleTransactions())
                .as("an instance whose scheduler fires minutes late finds the lease still held")
                .isEqualTo(1);
    }
}
