package nl.nabij.involvement;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nl.nabij.api.InputError;
import nl.nabij.audit.AuditTrail;
import nl.nabij.involvement.InvolvementQueries.NewInvolvement;
import nl.nabij.involvement.InvolvementQueries.Registered;
import nl.nabij.involvement.InvolvementRegistry.Answer;
import nl.nabij.involvement.InvolvementRegistry.Payload;
import nl.nabij.security.NabijUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Group commit for the {@code registerInvolvement} mutation: requests hand their checked registrations to one writer
 * thread, which makes everything handed to it since its last commit in one write transaction (one statement for the
 * registrations, one for their matches, one for their audit events) and then answers each request. A request answers
 * only once its transaction has committed, and each registration's audit event commits with it, as in the
 * one-at-a-time way ({@link InvolvementRegistry}); the statements are the same, so a group answers exactly as its
 * registrations would one after another. While one group commits the next gathers: a quiet system commits each
 * registration at once, a busy one shares the transaction's begin, lane lock and commit among many.
 *
 * <p>The writer's transactions are ordinary ones of the application's: a transient error retries the group, the
 * backup's write lanes lock it like any other. A group that fails otherwise is tried again one registration at a time,
 * so one bad registration fails only its own request. Registrations by address (a look-up whose misses are counted and
 * audited on their own) and of a BSN Nabij does not hold yet (the register of persons is asked first) go the
 * one-at-a-time way, as does everything before the writer starts and after it stops.
 */
@Component
class RegistrationWriter implements SmartLifecycle {

    /** The most registrations one transaction makes; more wait for the next. */
    static final int MAX_GROUP = 64;

    private static final Logger log = LoggerFactory.getLogger(RegistrationWriter.class);

    /**
     * A registration handed over; its future holds the answer once committed, or nothing when it has to go the
     * one-at-a-time way.
     */
    private record Pending(
            NabijUser user,
            String origin,
            RegisterInvolvementInput input,
            NewInvolvement involvement,
            CompletableFuture<Optional<Answer>> answered) {}

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final InvolvementRegistry registry;
    private final InvolvementQueries store;
    private final AuditTrail trail;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;
    private volatile Thread writer;

    RegistrationWriter(
            InvolvementRegistry registry,
            InvolvementQueries store,
            AuditTrail trail,
            ApplicationEventPublisher events,
            TransactionOperations transactions) {
        this.registry = registry;
        this.store = store;
        this.trail = trail;
        this.events = events;
        this.transactions = transactions;
    }

    /** Registers as {@link InvolvementRegistry#register} does, in a group when it can. */
    Payload register(NabijUser user, RegisterInvolvementInput input, String origin) {
        if (input.addressAndMember() != null || writer == null) {
            return registry.register(user, input, origin);
        }
        List<InputError> errors = registry.check(input);
        if (!errors.isEmpty()) {
            return new Payload(null, false, errors);
        }
        Pending pending =
                new Pending(user, origin, input, registry.newInvolvement(user, input), new CompletableFuture<>());
        queue.add(pending);
        // Stopped meanwhile and the writer gone before taking it: register it here rather than strand it.
        if (writer == null && queue.remove(pending)) {
            return registry.register(user, input, origin);
        }
        Optional<Answer> answer;
        try {
            answer = pending.answered().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return answer.isPresent() ? answer.get().payload() : registry.register(user, input, origin);
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
        Map<Pending, Optional<Answer>> answers;
        try {
            answers = transactions.execute(status -> registerAll(group));
        } catch (RuntimeException | Error e) {
            if (group.size() > 1) {
                log.warn("A group of {} registrations failed; each is tried alone: {}", group.size(), e.toString());
                group.forEach(pending -> commit(List.of(pending)));
            } else {
                // Whatever went wrong, the waiting request hears of it; none waits forever on a writer that died.
                group.get(0).answered().completeExceptionally(e);
            }
            return;
        }
        for (Pending pending : group) {
            Optional<Answer> answer = answers.get(pending);
            if (answer == null) {
                pending.answered()
                        .completeExceptionally(
                                new IllegalStateException("the signed-in user acts as no known professional"));
            } else {
                pending.answered().complete(answer);
            }
        }
    }

    /**
     * Makes the group's registrations in order, then their matches and their audit events; what each answers. A
     * registration whose professional has no node (a token for someone Nabij does not hold) wrote nothing and has no
     * answer: its request fails, the others do not.
     */
    private Map<Pending, Optional<Answer>> registerAll(List<Pending> group) {
        Map<String, Registered> registered =
                store.register(group.stream().map(Pending::involvement).toList());
        Map<Pending, Optional<Answer>> answers = new IdentityHashMap<>();
        List<String> created = new ArrayList<>();
        List<AuditTrail.Change> changes = new ArrayList<>();
        for (Pending pending : group) {
            Registered outcome = registered.get(pending.involvement().id());
            if (outcome == null) {
                continue;
            }
            if (InvolvementRegistry.admitsFirst(outcome, pending.input())) {
                answers.put(pending, Optional.empty());
                continue;
            }
            Answer answer = InvolvementRegistry.answer(outcome, pending.input());
            answers.put(pending, Optional.of(answer));
            if (answer.created() != null) {
                created.add(answer.created());
            }
            if (answer.entry() != null) {
                changes.add(new AuditTrail.Change(pending.user(), pending.origin(), List.of(answer.entry())));
            }
        }
        if (!created.isEmpty()) {
            events.publishEvent(new InvolvementsRegistered(created));
        }
        trail.appendAll(changes);
        return answers;
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "registration-writer");
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
