package nl.nabij.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.nabij.jobs.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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

    private final AuditQueries queries;
    private final TransactionOperations transactions;
    private final AuditProperties properties;
    private final AuditSealer sealer;
    private final Clock clock;
    private final JobLock jobLock;

    AuditRetention(
            AuditQueries queries,
            TransactionOperations transactions,
            AuditProperties properties,
            AuditSealer sealer,
            Clock clock,
            JobLock jobLock) {
        this.queries = queries;
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
        String lastHash = null;
        for (AuditQueries.OldestEvent event : queries.oldestEvents(BATCH, cutoff)) {
            if (!event.expired()) {
                break;
            }
            sequences.add(event.sequence());
            lastHash = event.hash();
        }
        if (!sequences.isEmpty()) {
            queries.removeEvents(sequences, sequences.getLast(), lastHash);
        }
        return sequences.size();
    }
}
