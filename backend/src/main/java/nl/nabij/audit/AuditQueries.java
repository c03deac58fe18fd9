package nl.nabij.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.nabij.api.Digests;
import nl.nabij.api.InvalidArgumentException;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import org.neo4j.driver.Value;
import org.springframework.data.domain.Window;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.query.ScrollSubrange;
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

    /** Writes events unsealed, for {@link AuditSealer} to chain. */
    private static final String APPEND =
            """
            UNWIND $events AS event
            CREATE (e:AuditEvent:Unsealed)
            SET e = event, e.at = datetime(event.at)
            FOREACH (pseudonym IN event.subjects |
                MERGE (s:AuditSubject {pseudonym: pseudonym})
                CREATE (e)-[:ABOUT]->(s))
            """;

    private static final String ACCESSES_PAGE =
            """
            MATCH (:AuditSubject {pseudonym: $subject})<-[:ABOUT]-(e:AuditEvent)
            WITH e ORDER BY e.at DESC, e.id DESC SKIP $offset LIMIT $first
            OPTIONAL MATCH (p:Professional {id: e.actorReference})
            OPTIONAL MATCH (o:Organisation {id: e.organisation})
            RETURN e {.at, .action, .outcome, .role, .purpose, who: coalesce(p.name, e.role), account: e.username,
                      organisation: o.name}
                   AS value
            ORDER BY e.at DESC, e.id DESC
            """;
    private static final String ACCESSES_COUNT =
            """
            MATCH (:AuditSubject {pseudonym: $subject})<-[:ABOUT]-(e:AuditEvent)
            RETURN count(e) AS value
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
    private final Neo4jClient client;

    AuditQueries(GraphQueries queries, Neo4jClient client) {
        this.queries = queries;
        this.client = client;
    }

    /** Every recorded access to the data of the resident with this pseudonym, oldest first. */
    /** Writes these events in the caller's transaction. */
    void append(List<Map<String, Object>> events) {
        client.query(APPEND).bind(events).to("events").run();
    }

    public List<AccessRecord> accessesAbout(String pseudonym) {
        return queries.list(ACCESSES_ABOUT, Map.of("subject", pseudonym), AccessRecord::from);
    }

    /**
     * One page of the accesses to the data of the resident with this pseudonym, newest first, with how many there are
     * in all, so the resident can page through a long log by number.
     *
     * @param first how many a page holds, 1 to {@value Paging#MAXIMUM}
     * @param offset how many newer ones come before the page, 0 or more
     */
    public AccessLogPage accessesPage(String pseudonym, int first, int offset) {
        if (first < 1 || first > Paging.MAXIMUM) {
            throw new InvalidArgumentException(
                    "first", "PAGE_SIZE_OUT_OF_RANGE", "first must be between 1 and " + Paging.MAXIMUM);
        }
        if (offset < 0) {
            throw new InvalidArgumentException("offset", "NEGATIVE_OFFSET", "offset must be 0 or more");
        }
        int total = queries.single(ACCESSES_COUNT, Map.of("subject", pseudonym), value -> ((Value) value).asInt())
                .orElse(0);
        List<AccessRecord> records = queries.list(
                ACCESSES_PAGE, Map.of("subject", pseudonym, "first", first, "offset", offset), AccessRecord::from);
        return new AccessLogPage(total, offset, records);
    }

    /**
     * The events in the order they were written, optionally only those about one resident's pseudonym: a seek on the
     * sequence index, or a lookup of the subject and its events, never a scan of the trail.
     */
    Window<AuditEvent> events(String subject, ScrollSubrange subrange) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("subject", subject);
        parameters.put(
                "after", Paging.from(subrange).map(AuditQueries::sequenceOf).orElse(0L));
        parameters.put("limit", Paging.size(subrange) + 1);
        List<AuditEvent> events = queries.list(subject == null ? BATCH : PAGE_ABOUT, parameters, AuditEvent::from);
        return Paging.window(
                events, subrange, event -> new Paging.Position(Long.toString(event.sequence()), event.id()));
    }

    private static long sequenceOf(Paging.Position position) {
        try {
            return Long.parseLong(position.key());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("after", "MALFORMED_CURSOR", "after is not a cursor of this list");
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
