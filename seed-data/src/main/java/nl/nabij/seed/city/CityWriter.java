package nl.nabij.seed.city;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.nabij.seed.city.CityStatements.Statement;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

/**
 * Takes the generator's records and writes them in batches of about {@code batchSize} rows, each batch one write
 * transaction that also moves the run's {@code (:LoadProgress)} node on by one.
 *
 * <p>Because a batch and its progress commit together, a crash loses at most the batch in flight, and a rerun skips
 * exactly the batches that were committed: the generator hands out the same records in the same order, so batch
 * <i>n</i> holds the same rows every time. The progress node is claimed first in each transaction; a batch that finds
 * it already past its number (a driver retry after a commit whose answer was lost) stops without writing.
 */
final class CityWriter implements Consumer<CityRecord> {

    private static final String CLAIM =
            """
            MATCH (progress:LoadProgress {id: $run})
            WHERE progress.batches = $batch
            SET progress.batches = $batch + 1, progress.records = progress.records + $records,
                progress.updatedAt = datetime()
            RETURN count(*) AS claimed""";

    /** What a finished batch adds up to, for the progress bar. */
    interface Listener {
        void batchDone(long batch, long records, long residents, boolean skipped);
    }

    private final Session session;
    private final String run;
    private final int batchSize;
    private final long batchesAlreadyWritten;
    private final Listener listener;
    private final Map<Class<?>, List<CityRecord>> buffers = new LinkedHashMap<>();

    private int bufferedRows;
    private long bufferedResidents;
    private long batch;

    CityWriter(Session session, String run, int batchSize, long batchesAlreadyWritten, Listener listener) {
        this.session = requireNonNull(session, "session");
        this.run = requireNonNull(run, "run");
        this.batchSize = batchSize;
        this.batchesAlreadyWritten = batchesAlreadyWritten;
        this.listener = requireNonNull(listener, "listener");
        for (Statement<?> statement : CityStatements.IN_ORDER) {
            buffers.put(statement.type(), new ArrayList<>());
        }
    }

    @Override
    public void accept(CityRecord record) {
        buffers.get(record.getClass()).add(record);
        bufferedRows += record.rows();
        if (record instanceof CityRecord.Household household) {
            bufferedResidents += household.members().size();
        }
        if (bufferedRows >= batchSize) {
            flush();
        }
    }

    /** Writes what is buffered as the next batch; the end of the city is a batch of its own size. */
    void flush() {
        if (bufferedRows == 0) {
            return;
        }
        boolean skip = batch < batchesAlreadyWritten;
        if (!skip) {
            long number = batch;
            int records = bufferedRows;
            session.executeWrite(tx -> {
                write(tx, number, records);
                return null;
            });
        }
        listener.batchDone(batch, bufferedRows, bufferedResidents, skip);
        buffers.values().forEach(List::clear);
        bufferedRows = 0;
        bufferedResidents = 0;
        batch++;
    }

    long batches() {
        return batch;
    }

    private void write(TransactionContext tx, long number, int records) {
        int claimed = tx.run(CLAIM, Map.of("run", run, "batch", number, "records", records))
                .single()
                .get("claimed")
                .asInt();
        if (claimed != 1) {
            throw new IllegalStateException("Batch " + number + " of " + run + " was written already; rerun to resume");
        }
        for (Statement<?> statement : CityStatements.IN_ORDER) {
            List<CityRecord> rows = buffers.get(statement.type());
            if (!rows.isEmpty()) {
                run(tx, statement, rows);
            }
        }
    }

    private static <T extends CityRecord> void run(
            TransactionContext tx, Statement<T> statement, List<CityRecord> records) {
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        for (CityRecord record : records) {
            rows.add(statement.row().apply(statement.type().cast(record)));
        }
        int written = tx.run(statement.cypher(), Map.of("rows", rows))
                .single()
                .get("written")
                .asInt();
        if (written != rows.size()) {
            throw new IllegalStateException("Wrote " + written + " of " + rows.size() + " "
                    + statement.type().getSimpleName() + " rows: a row refers to a node that is missing");
        }
    }
}
