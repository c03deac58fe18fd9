package nl.nabij.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Digests;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The web app's sessions, kept in the database so that any instance serves any request, without sticky routing. A
 * {@code Session} node is found by the SHA-256 of its id; the id itself is only in the user's cookie, so the store
 * alone opens no session. It holds the user as signed in, and, for a built-in account, is linked to that account:
 * while the account is disabled no instance accepts the session, and disabling it removes them. A session ends after
 * {@link SessionProperties#idleTimeout()} unused, after {@link SessionProperties#absoluteTimeout()} in all, when a
 * token it was made from expires, or at sign-out. Its last use is written at most every tenth of the idle timeout
 * (and at least once a minute), so most requests only read.
 */
@Service
public class SessionStore {

    private static final String CREATE =
            """
            CREATE (s:Session {idHash: $idHash, createdAt: $now, lastSeen: $now, expiresAt: $expiresAt,
                               username: $username, role: $role, professionalId: $professionalId,
                               residentId: $residentId, organisationId: $organisationId})
            WITH s
            OPTIONAL MATCH (a:Account {username: $username})
            WHERE $builtIn
            FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | CREATE (s)-[:OF]->(a))
            """;

    private static final String FIND =
            """
            MATCH (s:Session {idHash: $idHash})
            WHERE s.lastSeen > $idleSince AND s.createdAt > $createdSince AND coalesce(s.expiresAt, $now + 1) > $now
              AND (NOT EXISTS { (s)-[:OF]->() }
                   OR EXISTS { (s)-[:OF]->(a:Account) WHERE a.enabled AND a.role IS NOT NULL })
            RETURN s.username AS username, s.role AS role, s.professionalId AS professionalId,
                   s.residentId AS residentId, s.organisationId AS organisationId, s.lastSeen AS lastSeen
            """;

    private static final String TOUCH =
            """
            MATCH (s:Session {idHash: $idHash}) SET s.lastSeen = $now
            """;

    private static final String END =
            """
            MATCH (s:Session {idHash: $idHash}) DETACH DELETE s
            """;

    private static final String END_ALL_OF_ACCOUNT =
            """
            MATCH (:Account {username: $username})<-[:OF]-(s:Session) DETACH DELETE s
            """;

    private static final String REMOVE_ENDED =
            """
            MATCH (s:Session) WHERE s.lastSeen <= $idleSince OR s.createdAt <= $createdSince OR s.expiresAt <= $now
            DETACH DELETE s
            """;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Neo4jClient client;
    private final SessionProperties properties;
    private final Clock clock;

    SessionStore(Neo4jClient client, SessionProperties properties, Clock clock) {
        this.client = client;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts a session for the user and returns its id, for the cookie only.
     *
     * @param builtIn whether the user signed in with a built-in account, whose state then governs the session
     * @param tokenExpiry when the token the user signed in with expires; the session ends then at the latest
     */
    @Transactional
    String start(NabijUser user, boolean builtIn, Optional<Instant> tokenExpiry) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("idHash", Digests.sha256(id));
        parameters.put("now", clock.millis());
        parameters.put("expiresAt", tokenExpiry.map(Instant::toEpochMilli).orElse(null));
        parameters.put("username", user.username());
        parameters.put("role", user.role().name());
        parameters.put("professionalId", user.professionalId());
        parameters.put("residentId", user.residentId());
        parameters.put("organisationId", user.organisationId());
        parameters.put("builtIn", builtIn);
        client.query(CREATE).bindAll(parameters).run();
        return id;
    }

    /** The user of a session that has not ended, and marks it used. */
    @Transactional
    Optional<NabijUser> use(String id) {
        String idHash = Digests.sha256(id);
        long now = clock.millis();
        Optional<Map<String, Object>> row = client.query(FIND)
                .bindAll(Map.of(
                        "idHash",
                        idHash,
                        "now",
                        now,
                        "idleSince",
                        now - properties.idleTimeout().toMillis(),
                        "createdSince",
                        now - properties.absoluteTimeout().toMillis()))
                .fetch()
                .one();
        row.filter(session -> (Long) session.get("lastSeen") < now - touchInterval())
                .ifPresent(session -> client.query(TOUCH)
                        .bindAll(Map.of("idHash", idHash, "now", now))
                        .run());
        return row.map(session -> new NabijUser(
                (String) session.get("username"),
                Role.valueOf((String) session.get("role")),
                (String) session.get("professionalId"),
                (String) session.get("residentId"),
                (String) session.get("organisationId")));
    }

    /** Sign-out. */
    @Transactional
    void end(String id) {
        client.query(END).bind(Digests.sha256(id)).to("idHash").run();
    }

    /** Ends every session of a built-in account, on every instance: for a disabled account. */
    @Transactional
    public void endAllOf(String username) {
        client.query(END_ALL_OF_ACCOUNT).bind(username).to("username").run();
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    @Transactional
    void removeEnded() {
        long now = clock.millis();
        client.query(REMOVE_ENDED)
                .bindAll(Map.of(
                        "now", now,
                        "idleSince", now - properties.idleTimeout().toMillis(),
                        "createdSince", now - properties.absoluteTimeout().toMillis()))
                .run();
    }

    private long touchInterval() {
        return Math.min(
                Duration.ofMinutes(1).toMillis(), properties.idleTimeout().toMillis() / 10);
    }
}
