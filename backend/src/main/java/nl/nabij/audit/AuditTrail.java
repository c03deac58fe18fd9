package nl.nabij.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends audit events in the caller's transaction, so an event exists exactly when the access it records happened.
 * Appending locks the chain's head node; that orders concurrent appends and gives every event its predecessor's hash.
 */
@Component
public class AuditTrail {

    private static final String LOCK_HEAD =
            """
            MATCH (c:AuditChain {id: 'nabij'})
            SET c.sequence = c.sequence + $count
            RETURN c.sequence - $count AS last, c.lastHash AS lastHash
            """;

    private static final String APPEND =
            """
            UNWIND $events AS event
            CREATE (e:AuditEvent)
            SET e = event, e.at = datetime(event.at)
            FOREACH (pseudonym IN event.subjects |
                MERGE (s:AuditSubject {pseudonym: pseudonym})
                CREATE (e)-[:ABOUT]->(s))
            WITH count(e) AS written
            MATCH (c:AuditChain {id: 'nabij'})
            SET c.lastHash = $lastHash
            """;

    private final Neo4jClient client;
    private final Clock clock;

    AuditTrail(Neo4jClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Records what the user did; must run inside the transaction that did it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(NabijUser user, String origin, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<String, Object> head = client.query(LOCK_HEAD)
                .bind(entries.size())
                .to("count")
                .fetch()
                .one()
                .orElseThrow(() -> new IllegalStateException("the audit chain has no head: migration V004 missing"));
        long sequence = ((Number) head.get("last")).longValue();
        String previous = (String) head.get("lastHash");
        List<Map<String, Object>> events = new ArrayList<>();
        for (AuditEntry entry : entries) {
            AuditEvent event = new AuditEvent(
                    UUID.randomUUID().toString(),
                    ++sequence,
                    clock.instant(),
                    entry.action(),
                    entry.granted() ? "GRANTED" : "DENIED",
                    recordedName(user),
                    user.role().name(),
                    user.scopeId(),
                    user.organisationId(),
                    null,
                    entry.purpose(),
                    entry.basis(),
                    origin,
                    entry.subjects(),
                    previous,
                    null);
            String hash = sha256(event.canonical());
            events.add(properties(event, hash));
            previous = hash;
        }
        client.query(APPEND)
                .bind(events)
                .to("events")
                .bind(previous)
                .to("lastHash")
                .run();
    }

    /**
     * A resident is recorded by role, not by username: an identity provider may use the BSN as the subject, and the
     * resident is already named by pseudonym wherever their own data is touched. That keeps erasure complete.
     */
    private static String recordedName(NabijUser user) {
        return user.role() == Role.RESIDENT ? "resident" : user.username();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }

    private static Map<String, Object> properties(AuditEvent event, String hash) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", event.id());
        properties.put("sequence", event.sequence());
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
        properties.put("previousHash", event.previousHash());
        properties.put("hash", hash);
        return properties;
    }
}
