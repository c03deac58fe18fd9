package nl.nabij.database;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads whose whole answer is one statement, on the hottest paths (a household with its circle): with the embedded
 * database they run in its process ({@link InProcessReads}), which halved the CPU of a household view against the
 * same statement over Bolt to the same process (docs/explanation/performance.md, fifth round). With an external
 * server or cluster, and inside a transaction already open (which must see its own writes), they are
 * {@link GraphQueries#rows}: the driver, in a read transaction that a cluster routes to its readers.
 */
@Component
public class SingleStatementQueries {

    private final GraphQueries queries;
    private final InProcessReads inProcess;
    private final StatementTimeout timeout;

    SingleStatementQueries(GraphQueries queries, ObjectProvider<InProcessReads> inProcess, StatementTimeout timeout) {
        this.queries = queries;
        this.inProcess = inProcess.getIfAvailable();
        this.timeout = timeout;
    }

    /** Every row, mapped whole, as {@link GraphQueries#rows}. */
    public <T> List<T> rows(String cypher, Map<String, Object> parameters, Function<MapAccessor, T> rowMapper) {
        if (inProcess == null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return queries.rows(cypher, parameters, rowMapper);
        }
        return inProcess.execute(cypher, parameters, rowMapper, timeout.next());
    }
}
