package nl.nabij.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Group commit for the events of reads: requests hand their events to one writer thread, which writes everything
 * handed to it since its last commit in one write transaction and then completes each request's future. A request
 * answers only once its future completes, that is once its event is committed (durable); when the commit fails, every
 * request in it fails and shows nothing. While one commit runs the next group gathers, so the groups grow with the
 * load and a quiet system commits each event at once; a commit per read (two statements, a lane lock and a log force
 * each) becomes one per group.
 *
 * <p>The transaction is an ordinary one of the application's: the backup's write lanes lock it like any other, and the
 * events are written unsealed, for {@link AuditSealer} to chain.
 */
@Component
class AuditWriter implements SmartLifecycle {

    /** The most events one transaction writes; more wait for the next. */
    static final int MAX_GROUP = 512;

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);

    private record Pending(List<Map<String, Object>> events, CompletableFuture<Void> written) {}

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AuditQueries queries;
    private final TransactionOperations transactions;
    private volatile Thread writer;

    AuditWriter(AuditQueries queries, TransactionOperations transactions) {
        this.queries = queries;
        this.transactions = transactions;
    }

    /** Hands events to the writer; the future completes once they are committed, or fails with the commit. */
    CompletableFuture<Void> write(List<Map<String, Object>> events) {
        Pending pending = new Pending(events, new CompletableFuture<>());
        if (writer == null) {
            // Before start and after stop (startup and shutdown work) there is no group to join: commit alone.
            commit(List.of(pending));
        } else {
            queue.add(pending);
            // Stopped meanwhile and the writer gone before taking it: commit it here rather than strand it.
            if (writer == null && queue.remove(pending)) {
                commit(List.of(pending));
            }
        }
        return pending.written();
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (writer != null || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void commit(List<Pending> group) {
        List<Map<String, Object>> events = new ArrayList<>();
        group.forEach(pending -> events.addAll(pending.events()));
        try {
            transactions.executeWithoutResult(status -> queries.append(events));
            group.forEach(pending -> pending.written().complete(null));
        } catch (RuntimeException | Error e) {
            // Whatever went wrong, every waiting request hears of it; none waits forever on a writer that died.
            log.warn(
                    "Could not write {} audit events; their requests fail unanswered: {}", events.size(), e.toString());
            group.forEach(pending -> pending.written().completeExceptionally(e));
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "audit-writer");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    /**
     * Stops after the web server (a lower phase stops later), once what was handed over is written, and before the
     * database closes. The writer is not interrupted: an interrupt could break the commit it is in.
     */
    @Override
    public void stop() {
        Thread thread = writer;
        writer = null;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }
}
