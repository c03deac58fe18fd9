package nl.nabij.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.nabij.api.Digests;
import nl.nabij.api.InvalidArgumentException;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.domain.Window;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Component;

/**
 * The trail's Cypher. Writing it: events appended unsealed, sealed into the chain, and the oldest removed by the
 * retention rule. Reading it back: pages of events for the auditor, the walk that checks every link of the chain, and
 * the accesses to one resident's data for their own export. Writes run in the caller's transaction.
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

    /**
     * One subject's events, expanded from the subject: written as one pattern, the planner may seek the events by
     * sequence and join them to the subject as a cartesian product, reading every later event of the whole trail.
     */
    private static final String PAGE_ABOUT =
            """
            MATCH (s:AuditSubject {pseudonym: $subject})
            CALL (s) {
              MATCH (s)<-[:ABOUT]-(e:AuditEvent) WHERE e.sequence > $after
              RETURN e ORDER BY e.sequence LIMIT $limit
            }
            RETURN e AS value ORDER BY e.sequence
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

    /** How many events one sealing chains at most, in one transaction. */
    static final int SEAL_BATCH = 5_000;

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

    private static final String OLDEST =
            """
            MATCH (c:AuditChain {id: 'nabij'})
            SET c.prunedThrough = coalesce(c.prunedThrough, 0)
            WITH c
            MATCH (e:AuditEvent) WHERE e.sequence > c.prunedThrough AND e.sequence <= c.prunedThrough + $batch
            RETURN e.sequence AS sequence, e.at < datetime($cutoff) AS expired, e.hash AS hash
            ORDER BY e.sequence
            """;

    /**
     * Removes the events and then the subjects no event is about any more: a resident's pseudonym is kept in the trail
     * only as long as an event about them is.
     */
    private static final String REMOVE =
            """
            UNWIND $sequences AS sequence
            MATCH (e:AuditEvent {sequence: sequence})
            OPTIONAL MATCH (e)-[:ABOUT]->(s:AuditSubject)
            WITH collect(DISTINCT e) AS events, collect(DISTINCT s) AS subjects
            FOREACH (e IN events | DETACH DELETE e)
            WITH subjects
            CALL (subjects) {
              UNWIND subjects AS s
              WITH s WHERE NOT EXISTS { (s)--() }
              DELETE s
            }
            MATCH (c:AuditChain {id: 'nabij'})
            SET c.prunedThrough = $through, c.prunedHash = $hash, c.prunedAt = datetime()
            """;

    private final GraphQueries queries;
    private final Neo4jClient client;

    AuditQueries(GraphQueries queries, Neo4jClient client) {
        this.queries = queries;
        this.client = client;
    }

    /** Writes these events in the caller's transaction. */
    void append(List<Map<String, Object>> events) {
        client.query(APPEND).bind(events).to("events").run();
    }

    /** Every recorded access to the data of the resident with this pseudonym, oldest first. */
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

    /** An event at the start of the kept chain, and whether it is past retention. */
    record OldestEvent(long sequence, boolean expired, String hash) {}

    /**
     * The first {@code batch} events after the last one removed, in chain order, each marked expired when it was
     * written before {@code cutoff} (ISO-8601). Writes the chain's head, so two removals take turns.
     */
    List<OldestEvent> oldestEvents(int batch, String cutoff) {
        return List.copyOf(client.query(OLDEST)
                .bindAll(Map.of("batch", batch, "cutoff", cutoff))
                .fetchAs(OldestEvent.class)
                .mappedBy((types, row) -> new OldestEvent(
                        row.get("sequence").asLong(),
                        row.get("expired").asBoolean(),
                        row.get("hash").asString()))
                .all());
    }

    /**
     * Removes these events, the start of the chain through sequence {@code through}, and leaves that last one's
     * sequence and hash on the head for the chain check to start from.
     */
    void removeEvents(List<Long> sequences, long through, String hash) {
        client.query(REMOVE)
                .bindAll(Map.of("sequences", sequences, "through", through, "hash", hash))
                .run();
    }

    /** Seals up to {@value #SEAL_BATCH} events in the caller's transaction; returns how many. */
    int sealBatch() {
        return sealBatch(client.getQueryRunner());
    }

    /**
     * Seals every unsealed event inside a transaction the caller holds: the backup's, which has closed the lanes, so
     * that its file holds only sealed events and a restore has nothing left to change.
     */
    public static void sealWithin(QueryRunner transaction) {
        int batch;
        do {
            batch = sealBatch(transaction);
        } while (batch == SEAL_BATCH);
    }

    /**
     * Locks the chain's head, so sealers on several app instances take turns, and gives the oldest unsealed events
     * the next sequence numbers, each its predecessor's hash and its own.
     */
    private static int sealBatch(QueryRunner transaction) {
        if (!transaction.run(ANY_UNSEALED).hasNext()) {
            return 0;
        }
        Record head = transaction.run(LOCK_HEAD).single();
        long sequence = head.get("sequence").asLong();
        String previous = head.get("lastHash").asString();
        List<Map<String, Object>> sealed = new ArrayList<>();
        for (Record record :
                transaction.run(UNSEALED, Map.of("batch", SEAL_BATCH)).list()) {
            AuditEvent event = AuditEvent.sealedAt(record.get("value"), ++sequence, previous);
            sealed.add(Map.of("id", event.id(), "sequence", sequence, "previousHash", previous, "hash", event.hash()));
            previous = event.hash();
        }
        transaction
                .run(SEAL, Map.of("sealed", sealed, "sequence", sequence, "lastHash", previous))
                .consume();
        return sealed.size();
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
