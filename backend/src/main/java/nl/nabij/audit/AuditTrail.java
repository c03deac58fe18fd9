package nl.nabij.audit;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes audit events. An event is written unsealed, without its place in the hash chain, and {@link AuditSealer}
 * links it in shortly after; so audited requests do not wait for each other on the chain's one head. A change's event
 * goes into the change's transaction; a read's is handed to {@link AuditWriter}, which commits the events of many
 * reads together.
 */
@Component
public class AuditTrail {

    private final AuditQueries queries;
    private final AuditWriter writer;
    private final Clock clock;

    AuditTrail(AuditQueries queries, AuditWriter writer, Clock clock) {
        this.queries = queries;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * Records a change in the transaction that made it, so the event exists exactly when the change does; must run
     * inside that transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(NabijUser user, String origin, List<AuditEntry> entries) {
        if (!entries.isEmpty()) {
            queries.append(events(user, origin, entries));
        }
    }

    /** A change to record: who made it, from where, and what it touched. */
    public record Change(NabijUser user, String origin, List<AuditEntry> entries) {}

    /**
     * Records several changes, of one or several users, in the transaction that made them, with one statement; must run
     * inside that transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<Change> changes) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (Change change : changes) {
            events.addAll(events(change.user(), change.origin(), change.entries()));
        }
        if (!events.isEmpty()) {
            queries.append(events);
        }
    }

    /**
     * Records a read in a write transaction of the audit writer's, after the read's transaction (which a cluster may
     * route to a secondary) has ended, together with the events of other reads. Returns only once the event is
     * committed, so no answer leaves without its event; if the event cannot be written, this throws and the caller
     * shows nothing.
     */
    public void record(NabijUser user, String origin, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            writer.write(events(user, origin, entries)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private List<Map<String, Object>> events(NabijUser user, String origin, List<AuditEntry> entries) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (AuditEntry entry : entries) {
            events.add(properties(new AuditEvent(
                    UUID.randomUUID().toString(),
                    0,
                    clock.instant(),
                    entry.action(),
                    entry.granted() ? "GRANTED" : "DENIED",
                    recordedName(user),
                    // A sign-in locked under a name that is no account has no role.
                    user.role() == null ? "NONE" : user.role().name(),
                    user.scopeId(),
                    user.organisationId(),
                    null,
                    entry.purpose(),
                    entry.basis(),
                    origin,
                    entry.subjects(),
                    null,
                    null)));
        }
        return events;
    }

    /**
     * A resident is recorded by role, not by username: an identity provider may use the BSN as the subject, and the
     * resident is already named by pseudonym wherever their own data is touched. That keeps erasure complete.
     */
    private static String recordedName(NabijUser user) {
        return user.role() == Role.RESIDENT ? "resident" : user.username();
    }

    private static Map<String, Object> properties(AuditEvent event) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", event.id());
        properties.put("at", event.at().atOffset(ZoneOffset.UTC).toString());
        properties.put("action", event.action());
        properties.put("outcome", event.outcome());
        properties.put("username", event.username());
        properties.put("role", event.role());
        properties.put("actorReference", event.actorReference());
        properties.put("organisation", event.organisation());
        properties.put("actedFor", event.actedFor());
        properties.put("purpose", event.purpose());
        properties.put("basis", event.basis());
        properties.put("origin", event.origin());
        properties.put("subjects", event.subjects());
        return properties;
    }
}
