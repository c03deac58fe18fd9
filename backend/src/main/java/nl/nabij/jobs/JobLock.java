package nl.nabij.jobs;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Lets a scheduled job run on one app instance of the cluster: every instance's scheduler fires it, and the first to
 * take the job's lease in the database runs it while the others skip. A lease is a {@code JobLock} node per job with
 * the time it holds until, taken in a transaction of its own, so it is seen by all instances before the job starts. A
 * lease ends at the earliest {@link #HELD_AT_LEAST} after it was taken, so an instance whose clock or scheduler runs
 * a little late does not run the job a second time; an instance that dies mid-job blocks it for {@link #LEASE} at
 * most. The database's clock decides, not the instances'.
 */
@Component
public class JobLock {

    /** The longest a job may hold its lease; a nightly job takes seconds, a dead instance's lease lapses after this. */
    static final Duration LEASE = Duration.ofHours(1);

    /** How long a lease stays taken after the job, at the least: longer than the instances' schedules drift apart. */
    static final Duration HELD_AT_LEAST = Duration.ofMinutes(5);

    private final JobQueries queries;
    private final TransactionOperations transactions;
    private final String holder = UUID.randomUUID().toString();

    JobLock(JobQueries queries, TransactionOperations transactions) {
        this.queries = queries;
        this.transactions = transactions;
    }

    /**
     * Runs {@code job} when this instance takes the lease of the job named {@code name}; empty when another instance
     * holds it, and then nothing ran.
     */
    public <T> Optional<T> runOnce(String name, Supplier<T> job) {
        return runOnce(name, LEASE, HELD_AT_LEAST, job);
    }

    /**
     * Like {@link #runOnce(String, Supplier)} for a job that runs every few seconds rather than nightly: its lease
     * lapses after {@code lease} should the instance die, and is free again {@code heldAtLeast} after it was taken.
     */
    public <T> Optional<T> runOnce(String name, Duration lease, Duration heldAtLeast, Supplier<T> job) {
        Long taken = transactions.execute(status -> queries.take(name, lease, holder));
        if (taken == null || taken == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(job.get());
        } finally {
            transactions.executeWithoutResult(status -> queries.release(name, holder, heldAtLeast));
        }
    }
}
