package nl.nabij.backup;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Every read-write transaction of the application locks one of the {@code AuditLane} nodes, chosen at random, right
 * before it commits; a backup locks them all, so nothing commits while it reads and its file is one consistent state.
 * It listens on the transaction manager rather than being called by each write path, so a new write path cannot leave
 * it out. Taken after everything else the transaction does (after its before-commit callbacks too), the lane lock
 * waits for no lock of another transaction but a backup's, and so cannot be part of a deadlock.
 */
@Component
class WriteLanes implements TransactionExecutionListener {

    private final Neo4jClient client;

    WriteLanes(Neo4jClient client) {
        this.client = client;
    }

    @Override
    public void beforeCommit(TransactionExecution transaction) {
        if (transaction.isNewTransaction() && !transaction.isReadOnly() && !transaction.isRollbackOnly()) {
            client.query(GraphBackup.LOCK_ONE_LANE)
                    .bind(ThreadLocalRandom.current().nextInt(GraphBackup.LANES))
                    .to("lane")
                    .run();
        }
    }
}
