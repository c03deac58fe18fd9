package nl.nabij.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.nabij.api.Connection;
import nl.nabij.api.Digests;
import nl.nabij.api.InvalidArgumentException;
import nl.nabij.api.PageRequest;
import nl.nabij.database.GraphQueries;
import org.springframework.stereotype.Component;

/**
 * Reading the trail back: pages of events for the auditor, the walk that checks every link of the chain, and the
 * accesses to one resident's data for their own export.
 */
@Component
public class AuditQueries {

    private static final int CHECK_BATCH = 1_000;
    private static final String GENESIS = "0".repeat(64);

    private static final String ANCHOR =
            """
            MATCH (c:AuditChain {id: 'nabij'})
            RETURN {through: coalesce(c.prunedThrough, 0), hash: coalesce(c.prunedHash, $genesis)} AS value
            """;

    private static final String BATCH =
            """
            MATCH (e:AuditEvent) WHERE e.sequence > $after
            RETURN e AS value ORDER BY e.sequence LIMIT $limit
            """;

    private static final String PAGE_ABOUT =
            """
            MATCH (:AuditSubject {pseudonym: $subject})<-[:ABOUT]-(e:AuditEvent) WHERE e.sequence > $after
            RETURN e AS value ORDER BY e.sequence LIMIT $limit
            """;

    private static final String ACCESSES_ABOUT =
            """
            MATCH (:AuditSubject {pseudonym: $subject})<-[:ABOUT]-(e:AuditEvent)
            OPTIONAL MATCH (p:Professional {id: e.actorReference})
            OPTIONAL MATCH (o:Organisation {id: e.organisation})
            RETURN e {.at, .action, .outcome, .role, .purpose, who: coalesce(p.name, e.role), account: e.username,
                      organisation: o.name}
                   AS value
            ORDER BY e.at, e.id
            """;

    private final GraphQueries queries;

    AuditQueries(GraphQueries queries) {
        this.queries = queries;
    }

    /** Every recorded access to the data of the resident with this pseudonym, oldest first. */
    public List<AccessRecord> accessesAbout(String pseudonym) {
        return queries.list(ACCESSES_ABOUT, Map.of("subject", pseudonym), AccessRecord::from);
    }

    /**
     * The events in the order they were written, optionally only those about one resident's pseudonym: a seek on the
     * sequence index, or a lookup of the subject and its events, never a scan of the trail.
     */
    Connection<AuditEvent> events(String subject, PageRequest request) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("subject", subject);
        parameters.put("after", request.cursor() == null ? 0L : sequenceOf(request.cursor()));
        parameters.put("limit", request.size() + 1);
        List<AuditEvent> events =
                new ArrayList<>(queries.list(subject == null ? BATCH : PAGE_ABOUT, parameters, AuditEvent::from));
        boolean more = events.size() > request.size();
        if (more) {
            events.remove(events.size() - 1);
        }
        List<Connection.Edge<AuditEvent>> edges = events.stream()
                .map(event -> new Connection.Edge<>(
                        event, new PageRequest.Cursor(Long.toString(event.sequence()), event.id()).encode()))
                .toList();
        return new Connection<>(
                edges,
                new Connection.PageInfo(
                        more,
                        request.cursor() != null,
                        edges.isEmpty() ? null : edges.getFirst().cursor(),
                        edges.isEmpty() ? null : edges.getLast().cursor()));
    }

    private static long sequenceOf(PageRequest.Cursor cursor) {
        try {
            return Long.parseLong(cursor.sortKey());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("after", "MALFORMED_CURSOR", "after is a cursor of this list");
        }
    }

    /** The last event the retention rule removed, where the walk of the chain starts. */
    private record Anchor(long through, String hash) {}

    /**
     * Recomputes every hash and link from the first event kept on, in batches; reports the first that fails. Events
     * removed by the retention rule left their last sequence and hash on the chain's head, where the walk starts.
     */
    AuditChainCheck check() {
        Anchor anchor = queries.list(
                        ANCHOR,
                        Map.of("genesis", GENESIS),
                        value -> new Anchor(
                                value.get("through").asLong(), value.get("hash").asString()))
                .getFirst();
        long retainedFrom = anchor.through() + 1;
        long checked = 0;
        long after = anchor.through();
        String previous = anchor.hash();
        while (true) {
            List<AuditEvent> batch =
                    queries.list(BATCH, Map.of("after", after, "limit", CHECK_BATCH), AuditEvent::from);
            for (AuditEvent event : batch) {
                if (event.sequence() != after + 1) {
                    return new AuditChainCheck(
                            false, checked, retainedFrom, after + 1, "event " + (after + 1) + " is missing");
                }
                if (!event.previousHash().equals(previous)) {
                    return new AuditChainCheck(
                            false,
                            checked,
                            retainedFrom,
                            event.sequence(),
                            "its link to the event before does not match");
                }
                if (!Digests.sha256(event.canonical()).equals(event.hash())) {
                    return new AuditChainCheck(
                            false, checked, retainedFrom, event.sequence(), "its content no longer matches its hash");
                }
                previous = event.hash();
                after = event.sequence();
                checked++;
            }
            if (batch.size() < CHECK_BATCH) {
                return new AuditChainCheck(true, checked, retainedFrom, null, null);
            }
        }
    }
}
