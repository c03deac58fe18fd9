package nl.nabij.audit;

import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Links unsealed events into the hash chain: in the order they were written, each gets the next sequence number, its
 * predecessor's hash and its own. One sealing locks the chain's head, so sealers on several app instances take turns
 * and none seals an event twice. Runs a few times a second, and before anyone reads the chain.
 */
@Component
public class AuditSealer {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

    private final AuditQueries queries;
    private final TransactionOperations transactions;
    private volatile boolean failing;

    AuditSealer(AuditQueries queries, TransactionOperations transactions) {
        this.queries = queries;
        this.transactions = transactions;
    }

    /** Logs an outage once, when it starts, and not five times a second until it ends. */
    @Scheduled(fixedDelayString = "${nabij.audit.seal-interval:PT0.2S}")
    void sealInTheBackground() {
        try {
            seal();
            if (failing) {
                log.info("Sealing audit events again");
                failing = false;
            }
        } catch (DataAccessException | TransactionException | Neo4jException e) {
            if (!failing) {
                log.warn(
                        "Cannot seal audit events now; they wait, unsealed, until the database answers: {}",
                        e.getMessage());
                failing = true;
            }
        }
    }

    /** Seals every event written before this call, one batch per transaction; returns how many. */
    public long seal() {
        long sealed = 0;
        while (true) {
            Integer batch = transactions.execute(status -> queries.sealBatch());
            sealed += batch;
            if (batch < AuditQueries.SEAL_BATCH) {
                return sealed;
            }
        }
    }
}
