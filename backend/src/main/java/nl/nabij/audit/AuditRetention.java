package nl.nabij.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.nabij.jobs.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The retention rule: events older than {@code nabij.audit.retention} are removed from the start of the chain, never
 * from its middle, and the head remembers the last removed event's sequence and hash. The chain check starts from
 * that anchor, so what is kept stays verifiable link by link. Nothing else removes events.
 */
@Component
@EnableConfigurationProperties(AuditProperties.class)
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    private static final int BATCH = 1_000;

    private static final String OLDEST =
            """
            MATCH (c:AuditChain {id: 'nabij'})
            SET c.prunedThrough = coalesce(c.prunedThrough, 0)
            WITH c
            MATCH (e:AuditEvent) WHERE e.sequence > c.prunedThrough AND e.sequence <= c.prunedThrough + $batch
            RETURN e.sequence AS sequence, e.at < datetime($cutoff) AS expired, e.hash AS hash, e.subjects AS subjects
            ORDER BY e.sequence
            """;

    private static final String REMOVE =
            """
            UNWIND $sequences AS sequence
            MATCH (e:AuditEvent {sequence: sequence})
            DETACH DELETE e
            WITH count(*) AS removed
            MATCH (c:AuditChain {id: 'nabij'})
            SET c.prunedThrough = $through, c.prunedHash = $hash, c.prunedAt = datetime()
            """;

    /** Subjects no event is about any more; the trail keeps a pseudonym only while an event needs it. */
    private static final String PRUNE_SUBJECTS =
            """
            UNWIND $pseudonyms AS pseudonym
            MATCH (s:AuditSubject {pseudonym: pseudonym}) WHERE NOT EXISTS { (s)<-[:ABOUT]-(:AuditEvent) }
            DELETE s
            """;

    private final Neo4jClient client;
    private final TransactionOperations transactions;
    private final AuditProperties properties;
    private final AuditSealer sealer;
    private final Clock clock;
    private final JobLock jobLock;

    AuditRetention(
            Neo4jClient client,
            TransactionOperations transactions,
            AuditProperties properties,
            AuditSealer sealer,
            Clock clock,
            JobLock jobLock) {
        this.client = client;
        this.jobLock = jobLock;
        this.transactions = transactions;
        this.properties = properties;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** On one app instance of the cluster: the others would only find nothing left to remove. */
    @Scheduled(cron = "${nabij.audit.purge-cron:0 30 3 * * *}")
    void removeExpiredEvents() {
        jobLock.runOnce("audit-retention", () -> removeEventsExpiredAt(clock.instant()))
                .filter(removed -> removed > 0)
                .ifPresent(removed ->
                        log.info("Audit retention removed {} events older than {}", removed, properties.retention()));
    }

    /**
     * Removes the events that are past retention at {@code now}, one batch per transaction; returns how many. Events
     * still unsealed get their place in the chain first: only the start of the chain is ever removed.
     */
    long removeEventsExpiredAt(Instant now) {
        sealer.seal();
        String cutoff =
                now.atOffset(ZoneOffset.UTC).minus(properties.retention()).toString();
        long removed = 0;
        while (true) {
            Integer batch = transactions.execute(status -> removeOneBatch(cutoff));
            removed += batch;
            if (batch < BATCH) {
                return removed;
            }
        }
    }

    private int removeOneBatch(String cutoff) {
        List<Long> sequences = new ArrayList<>();
        Set<Object> pseudonyms = new HashSet<>();
        String lastHash = null;
        for (Map<String, Object> event : client.query(OLDEST)
                .bindAll(Map.of("batch", BATCH, "cutoff", cutoff))
                .fetch()
                .all()) {
            if (!(Boolean) event.get("expired")) {
                break;
            }
            sequences.add((Long) event.get("sequence"));
            pseudonyms.addAll((List<?>) event.get("subjects"));
            lastHash = (String) event.get("hash");
        }
        if (!sequences.isEmpty()) {
            client.query(REMOVE)
                    .bindAll(Map.of("sequences", sequences, "through", sequences.getLast(), "hash", lastHash))
                    .run();
        }
        return sequences.size();
    }
}
