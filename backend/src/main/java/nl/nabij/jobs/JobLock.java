package nl.nabij.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.data.neo4j.core.Neo4jClient;
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

    /**
     * Takes the lease when it is free. Setting a property first takes the node's write lock, so of two instances that
     * come at once the second reads the lease the first took, instead of both reading it free.
     */
    private static final String TAKE =
            """
            MERGE (l:JobLock {name: $name})
            SET l.taking = true
            WITH l, coalesce(l.until < datetime(), true) AS free
            REMOVE l.taking
            WITH l WHERE free
            SET l.until = datetime() + duration($lease), l.since = datetime(), l.holder = $holder
            RETURN count(l) AS value
            """;

    private static final String RELEASE =
            """
            MATCH (l:JobLock {name: $name, holder: $holder})
            SET l.until = CASE WHEN l.since + duration($heldAtLeast) > datetime() THEN l.since + duration($heldAtLeast)
                               ELSE datetime() END
            """;

    private final Neo4jClient client;
    private final TransactionOperations transactions;
    private final String holder = UUID.randomUUID().toString();

    JobLock(Neo4jClient client, TransactionOperations transactions) {
        this.client = client;
        this.transactions = transactions;
    }

    /**
     * Runs {@code job} when this instance takes the lease of the job named {@code name}; empty when another instance
     * holds it, and then nothing ran.
     */
    public <T> Optional<T> runOnce(String name, Supplier<T> job) {
        Long taken = transactions.execute(status -> client.query(TAKE)
                .bindAll(Map.of("name", name, "lease", LEASE.toString(), "holder", holder))
                .fetchAs(Long.class)
                .mappedBy((types, row) -> row.get("value").asLong())
                .one()
                .orElse(0L));
        if (taken == null || taken == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(job.get());
        } finally {
            transactions.executeWithoutResult(status -> client.query(RELEASE)
                    .bindAll(Map.of("name", name, "holder", holder, "heldAtLeast", HELD_AT_LEAST.toString()))
                    .run());
        }
    }
}
