package nl.nabij.jobs;

import java.time.Duration;
import java.util.Map;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The job leases' Cypher, each statement run in the caller's transaction. */
@Component
class JobQueries {

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

    JobQueries(Neo4jClient client) {
        this.client = client;
    }

    /** Takes the lease of job {@code name} for {@code holder} when it is free; 1 when taken, 0 when not. */
    long take(String name, Duration lease, String holder) {
        return client.query(TAKE)
                .bindAll(Map.of("name", name, "lease", lease.toString(), "holder", holder))
                .fetchAs(Long.class)
                .mappedBy((types, row) -> row.get("value").asLong())
                .one()
                .orElse(0L);
    }

    /** Ends {@code holder}'s lease of job {@code name}, at the earliest {@code heldAtLeast} after it was taken. */
    void release(String name, String holder, Duration heldAtLeast) {
        client.query(RELEASE)
                .bindAll(Map.of("name", name, "holder", holder, "heldAtLeast", heldAtLeast.toString()))
                .run();
    }
}
