package nl.nabij.seed.city;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import nl.nabij.seed.city.CityStatements.Statement;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;

/**
 * Takes the generator's records and writes them in numbered batches of about {@code batchSize} rows, each batch one
 * write transaction that also records itself as a {@code (:LoadBatch {run, number})} node.
 *
 * <p>Because a batch and its marker commit together, a crash loses at most the batches in flight, and a rerun skips
 * exactly the committed ones: the generator hands out the same records in the same order and a batch is cut at the
 * same places, so batch <i>n</i> holds the same rows every time. A batch that finds its marker already there (a
 * driver retry after a commit whose answer was lost) writes nothing.
 *
 * <p>Batches are cut only before a household or a structural record, never between a household and its involvements,
 * coordinator and applications. A batch of households alone therefore refers only to itself and to structure written
 * earlier, and such batches go to {@code writers} concurrent transactions. A batch holding structure (a district's
 * team, places and professionals) waits for the batches in flight and is written on its own before anything after
 * it, since later batches refer to it.
 */
final class CityWriter implements Consumer<CityRecord>, AutoCloseable {

    private static final String ALREADY_WRITTEN =
            "OPTIONAL MATCH (b:LoadBatch {run: $run, number: $number}) RETURN b IS NOT NULL AS written";
    private static final String MARK =
            "CREATE (:LoadBatch {run: $run, number: $number, records: $records, writtenAt: datetime()})";

    /** The records that belong to the household before them in the stream and travel in its batch. */
    private static final Set<Class<?>> HOUSEHOLD_PARTS =
            Set.of(CityRecord.Involvement.class, CityRecord.Coordinator.class, CityRecord.Application.class);

    private static final Set<Class<?>> HOUSEHOLD_UNIT = Set.of(
            CityRecord.Household.class,
            CityRecord.Involvement.class,
            CityRecord.Coordinator.class,
            CityRecord.Application.class);

    /** What a finished batch adds up to, for the progress bar; called from the writing threads. */
    interface Listener {
        void batchDone(long batch, long records, long residents, boolean skipped);
    }

    private record Batch(
            long number, Map<Class<?>, List<CityRecord>> records, int rows, long residents, boolean structural) {}

    private final Driver driver;
    private final SessionConfig sessionConfig;
    private final String run;
    private final int batchSize;
    private final Set<Long> alreadyWritten;
    private final Listener listener;
    private final ExecutorService writers;
    private final Semaphore inFlight;
    private final int writerCount;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    private Map<Class<?>, List<CityRecord>> buffers = emptyBuffers();
    private int bufferedRows;
    private long bufferedResidents;
    private boolean bufferedStructure;
    private long nextNumber;

    CityWriter(
            Driver driver,
            SessionConfig sessionConfig,
            String run,
            int batchSize,
            int writerCount,
            Set<Long> alreadyWritten,
            Listener listener) {
        this.driver = requireNonNull(driver, "driver");
        this.sessionConfig = requireNonNull(sessionConfig, "sessionConfig");
        this.run = requireNonNull(run, "run");
        this.batchSize = batchSize;
        this.writerCount = writerCount;
        this.alreadyWritten = Set.copyOf(alreadyWritten);
        this.listener = requireNonNull(listener, "listener");
        this.writers = Executors.newFixedThreadPool(writerCount);
        this.inFlight = new Semaphore(writerCount);
    }

    @Override
    public void accept(CityRecord record) {
        if (bufferedRows >= batchSize && !HOUSEHOLD_PARTS.contains(record.getClass())) {
            cut();
        }
        buffers.get(record.getClass()).add(record);
        bufferedRows += record.rows();
        if (record instanceof CityRecord.Household household) {
            bufferedResidents += household.members().size();
        }
        bufferedStructure |= !HOUSEHOLD_UNIT.contains(record.getClass());
    }

    /** Writes what is still buffered and waits until every batch is committed; throws the first failure. */
    void finish() {
        cut();
        awaitBatchesInFlight();
        rethrowFailure();
    }

    /** The number of batches the city was cut into. */
    long batches() {
        return nextNumber;
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }

    private void cut() {
        rethrowFailure();
        if (bufferedRows == 0) {
            return;
        }
        Batch batch = new Batch(nextNumber++, buffers, bufferedRows, bufferedResidents, bufferedStructure);
        buffers = emptyBuffers();
        bufferedRows = 0;
        bufferedResidents = 0;
        bufferedStructure = false;
        if (alreadyWritten.contains(batch.number())) {
            listener.batchDone(batch.number(), batch.rows(), batch.residents(), true);
        } else if (batch.structural()) {
            awaitBatchesInFlight();
            rethrowFailure();
            write(batch);
        } else {
            inFlight.acquireUninterruptibly();
            writers.execute(() -> {
                try {
                    write(batch);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    inFlight.release();
                }
            });
        }
    }

    private void awaitBatchesInFlight() {
        inFlight.acquireUninterruptibly(writerCount);
        inFlight.release(writerCount);
    }

    private void rethrowFailure() {
        RuntimeException first = failure.get();
        if (first != null) {
            throw first;
        }
    }

    private void write(Batch batch) {
        try (Session session = driver.session(sessionConfig)) {
            session.executeWrite(tx -> {
                write(tx, batch);
                return null;
            });
        }
        listener.batchDone(batch.number(), batch.rows(), batch.residents(), false);
    }

    private void write(TransactionContext tx, Batch batch) {
        Map<String, Object> marker = Map.of("run", run, "number", batch.number(), "records", batch.rows());
        if (tx.run(ALREADY_WRITTEN, marker).single().get("written").asBoolean()) {
            return;
        }
        for (Statement<?> statement : CityStatements.IN_ORDER) {
            List<CityRecord> rows = batch.records().get(statement.type());
            if (!rows.isEmpty()) {
                run(tx, statement, rows);
            }
        }
        tx.run(MARK, marker).consume();
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

    private static Map<Class<?>, List<CityRecord>> emptyBuffers() {
        Map<Class<?>, List<CityRecord>> buffers = new LinkedHashMap<>();
        for (Statement<?> statement : CityStatements.IN_ORDER) {
            buffers.put(statement.type(), new ArrayList<>());
        }
        return buffers;
    }
}
