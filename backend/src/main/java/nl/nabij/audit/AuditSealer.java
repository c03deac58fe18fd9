package nl.nabij.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.neo4j.core.Neo4jClient;
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

    private static final int BATCH = 5_000;

    private static final String ANY_UNSEALED = "MATCH (e:Unsealed) RETURN e.id LIMIT 1";

    private static final String LOCK_HEAD =
            """
            MATCH (c:AuditChain {id: 'nabij'})
            SET c.sealing = true REMOVE c.sealing
            RETURN c.sequence AS sequence, c.lastHash AS lastHash
            """;

    private static final String UNSEALED =
            """
            MATCH (e:Unsealed)
            RETURN e AS value ORDER BY e.at, e.id LIMIT $batch
            """;

    private static final String SEAL =
            """
            UNWIND $sealed AS sealed
            MATCH (e:AuditEvent {id: sealed.id})
            SET e.sequence = sealed.sequence, e.previousHash = sealed.previousHash, e.hash = sealed.hash
            REMOVE e:Unsealed
            WITH count(e) AS written
            MATCH (c:AuditChain {id: 'nabij'})
            SET c.sequence = $sequence, c.lastHash = $lastHash
            """;

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

    private final Neo4jClient client;
    private final TransactionOperations transactions;
    private volatile boolean failing;

    AuditSealer(Neo4jClient client, TransactionOperations transactions) {
        this.client = client;
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
            Integer batch = transactions.execute(status -> sealOneBatch(client.getQueryRunner()));
            sealed += batch;
            if (batch < BATCH) {
                return sealed;
            }
        }
    }

    /**
     * Seals every unsealed event inside a transaction the caller holds: the backup's, which has closed the lanes, so
     * that its file holds only sealed events and a restore has nothing left to change.
     */
    public static void sealWithin(QueryRunner transaction) {
        int batch;
        do {
            batch = sealOneBatch(transaction);
        } while (batch == BATCH);
    }

    private static int sealOneBatch(QueryRunner transaction) {
        if (!transaction.run(ANY_UNSEALED).hasNext()) {
            return 0;
        }
        Record head = transaction.run(LOCK_HEAD).single();
        long sequence = head.get("sequence").asLong();
        String previous = head.get("lastHash").asString();
        List<Map<String, Object>> sealed = new ArrayList<>();
        for (Record record : transaction.run(UNSEALED, Map.of("batch", BATCH)).list()) {
            AuditEvent event = AuditEvent.sealedAt(record.get("value"), ++sequence, previous);
            sealed.add(Map.of("id", event.id(), "sequence", sequence, "previousHash", previous, "hash", event.hash()));
            previous = event.hash();
        }
        transaction
                .run(SEAL, Map.of("sealed", sealed, "sequence", sequence, "lastHash", previous))
                .consume();
        return sealed.size();
    }
}
