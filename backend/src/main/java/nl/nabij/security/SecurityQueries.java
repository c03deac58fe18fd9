package nl.nabij.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The security feature's Cypher: the built-in accounts as sign-in reads and the demo loader writes them, the web
 * app's sessions, the counts of failed sign-ins and the check of the open websockets' accounts. Each statement runs
 * in the caller's transaction, or in one of its own where the caller holds none.
 */
@Component
class SecurityQueries {

    private static final String ACCOUNT =
            """
            MATCH (a:Account {username: $username})
            WHERE a.role IS NOT NULL
            OPTIONAL MATCH (a)-[:ACTS_AS]->(p:Professional)
            OPTIONAL MATCH (a)-[:IS]->(r:Resident)
            OPTIONAL MATCH (a)-[:WORKS_FOR]->(own:Organisation)
            OPTIONAL MATCH (p)-[:EMPLOYED_BY]->(employer:Organisation)
            RETURN a.username AS username, a.role AS role, a.passwordHash AS hash, a.enabled AS enabled,
                   p.id AS professionalId, r.id AS residentId, coalesce(own.id, employer.id) AS organisationId
            """;

    private static final String SAVE_ACCOUNT =
            """
            MERGE (a:Account {username: $username})
            SET a.role = $role, a.passwordHash = $hash, a.enabled = true
            WITH a
            OPTIONAL MATCH (a)-[old:ACTS_AS|IS|WORKS_FOR]->()
            DELETE old
            WITH a
            OPTIONAL MATCH (p:Professional {id: $professionalId})
            OPTIONAL MATCH (r:Resident {id: $residentId})
            OPTIONAL MATCH (o:Organisation {id: $organisationId})
            FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (a)-[:ACTS_AS]->(p))
            FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | MERGE (a)-[:IS]->(r))
            FOREACH (_ IN CASE WHEN o IS NULL OR p IS NOT NULL THEN [] ELSE [1] END | MERGE (a)-[:WORKS_FOR]->(o))
            """;

    private static final String STILL_SIGNED_IN =
            """
            MATCH (a:Account) WHERE a.username IN $usernames
            RETURN a.username AS username, CASE WHEN a.enabled THEN a.role END AS role
            """;

    private static final String START_SESSION =
            """
            CREATE (s:Session {idHash: $idHash, createdAt: $now, lastSeen: $now, expiresAt: $expiresAt,
                               username: $username, role: $role, professionalId: $professionalId,
                               residentId: $residentId, organisationId: $organisationId})
            WITH s
            OPTIONAL MATCH (a:Account {username: $username})
            WHERE $builtIn
            FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | CREATE (s)-[:OF]->(a))
            """;

    private static final String LIVE_SESSION =
            """
            MATCH (s:Session {idHash: $idHash})
            WHERE s.lastSeen > $idleSince AND s.createdAt > $createdSince AND coalesce(s.expiresAt, $now + 1) > $now
              AND (NOT EXISTS { (s)-[:OF]->() }
                   OR EXISTS { (s)-[:OF]->(a:Account) WHERE a.enabled AND a.role IS NOT NULL })
            RETURN s.username AS username, s.role AS role, s.professionalId AS professionalId,
                   s.residentId AS residentId, s.organisationId AS organisationId, s.lastSeen AS lastSeen
            """;

    private static final String TOUCH_SESSION =
            """
            MATCH (s:Session {idHash: $idHash}) SET s.lastSeen = $now
            """;

    private static final String END_SESSION =
            """
            MATCH (s:Session {idHash: $idHash}) DETACH DELETE s
            """;

    private static final String END_SESSIONS_OF_ACCOUNT =
            """
            MATCH (:Account {username: $username})<-[:OF]-(s:Session) DETACH DELETE s
            """;

    private static final String REMOVE_ENDED_SESSIONS =
            """
            MATCH (s:Session) WHERE s.lastSeen <= $idleSince OR s.createdAt <= $createdSince OR s.expiresAt <= $now
            DETACH DELETE s
            """;

    private static final String SIGN_IN_BLOCKED =
            """
            MATCH (t:SignInThrottle) WHERE t.key IN $keys AND t.blockedUntil > $now
            RETURN max(t.blockedUntil) AS until, any(locked IN collect(t.locked) WHERE locked) AS locked
            """;

    private static final String SIGN_IN_FAILED =
            """
            UNWIND $keys AS key
            MERGE (t:SignInThrottle {key: key.key})
            SET t.failures = CASE WHEN key.forgets AND t.lastFailure < $now - $lockMillis THEN 1
                                  ELSE coalesce(t.failures, 0) + 1 END,
                t.lastFailure = $now
            WITH t, key, t.failures >= key.lockAfter AS locked
            SET t.locked = locked,
                t.blockedUntil = CASE
                    WHEN locked THEN $now + $lockMillis
                    WHEN t.failures > key.freeAttempts
                        THEN $now + toInteger($delayMillis * 2 ^ (t.failures - key.freeAttempts - 1))
                    ELSE 0 END
            RETURN key.kind AS kind, locked
            """;

    private static final String SIGN_IN_SUCCEEDED =
            """
            MATCH (t:SignInThrottle {key: $key}) DELETE t
            """;

    /** Counts that no attempt has touched since {@code $before} are forgotten. */
    private static final String FORGET_SIGN_IN_FAILURES =
            """
            MATCH (t:SignInThrottle) WHERE t.lastFailure < $before DELETE t
            """;

    private final Neo4jClient client;

    SecurityQueries(Neo4jClient client) {
        this.client = client;
    }

    /** The account that may sign in under this name: one with a role. */
    Optional<AccountDetails> account(String username) {
        return client.query(ACCOUNT)
                .bind(username)
                .to("username")
                .fetchAs(AccountDetails.class)
                .mappedBy((types, row) -> new AccountDetails(
                        new NabijUser(
                                row.get("username").asString(),
                                Role.valueOf(row.get("role").asString()),
                                row.get("professionalId").asString(null),
                                row.get("residentId").asString(null),
                                row.get("organisationId").asString(null)),
                        row.get("hash").asString(),
                        row.get("enabled").asBoolean(false)))
                .one();
    }

    /** Creates or replaces an enabled account and links it to the professional, resident or organisation it names. */
    void saveAccount(NabijUser user, String passwordHash) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("username", user.username());
        parameters.put("role", user.role().name());
        parameters.put("hash", passwordHash);
        parameters.put("professionalId", user.professionalId());
        parameters.put("residentId", user.residentId());
        parameters.put("organisationId", user.organisationId());
        client.query(SAVE_ACCOUNT).bindAll(parameters).run();
    }

    /** A built-in account's role as it stands; null while the account is disabled or has no role. */
    record AccountRole(String username, String role) {}

    /** The role each of these accounts signs in with now, for those that exist. */
    List<AccountRole> rolesOf(Collection<String> usernames) {
        return List.copyOf(client.query(STILL_SIGNED_IN)
                .bind(List.copyOf(usernames))
                .to("usernames")
                .fetchAs(AccountRole.class)
                .mappedBy((types, row) -> new AccountRole(
                        row.get("username").asString(), row.get("role").asString(null)))
                .all());
    }

    /**
     * A session to store, found later by the hash of its id.
     *
     * @param expiresAt epoch milliseconds when the token it was made from expires; null when none
     * @param builtIn whether it is linked to the built-in account of the user's name
     */
    record NewSession(String idHash, long now, Long expiresAt, NabijUser user, boolean builtIn) {}

    void startSession(NewSession session) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("idHash", session.idHash());
        parameters.put("now", session.now());
        parameters.put("expiresAt", session.expiresAt());
        parameters.put("username", session.user().username());
        parameters.put("role", session.user().role().name());
        parameters.put("professionalId", session.user().professionalId());
        parameters.put("residentId", session.user().residentId());
        parameters.put("organisationId", session.user().organisationId());
        parameters.put("builtIn", session.builtIn());
        client.query(START_SESSION).bindAll(parameters).run();
    }

    /** A stored session's user, and when it was last marked used (epoch milliseconds). */
    record LiveSession(NabijUser user, long lastSeen) {}

    /**
     * The session with this id hash, unless it was idle since {@code idleSince}, created before {@code createdSince},
     * past its token's expiry at {@code now}, or of an account that is disabled or has no role (all epoch ms).
     */
    Optional<LiveSession> liveSession(String idHash, long now, long idleSince, long createdSince) {
        return client.query(LIVE_SESSION)
                .bindAll(Map.of("idHash", idHash, "now", now, "idleSince", idleSince, "createdSince", createdSince))
                .fetchAs(LiveSession.class)
                .mappedBy((types, row) -> new LiveSession(
                        new NabijUser(
                                row.get("username").asString(),
                                Role.valueOf(row.get("role").asString()),
                                row.get("professionalId").asString(null),
                                row.get("residentId").asString(null),
                                row.get("organisationId").asString(null)),
                        row.get("lastSeen").asLong()))
                .one();
    }

    void touchSession(String idHash, long now) {
        client.query(TOUCH_SESSION)
                .bindAll(Map.of("idHash", idHash, "now", now))
                .run();
    }

    void endSession(String idHash) {
        client.query(END_SESSION).bind(idHash).to("idHash").run();
    }

    void endSessionsOf(String username) {
        client.query(END_SESSIONS_OF_ACCOUNT).bind(username).to("username").run();
    }

    /** Removes the sessions idle since {@code idleSince}, created before {@code createdSince} or expired at now. */
    void removeEndedSessions(long now, long idleSince, long createdSince) {
        client.query(REMOVE_ENDED_SESSIONS)
                .bindAll(Map.of("now", now, "idleSince", idleSince, "createdSince", createdSince))
                .run();
    }

    /** Until when (epoch milliseconds) sign-ins must wait, and whether that wait is a lock. */
    record SignInBlock(long until, boolean locked) {}

    /** The longest wait that one of these throttle keys imposes at {@code now}, if any does. */
    Optional<SignInBlock> signInBlock(List<String> keys, long now) {
        return client.query(SIGN_IN_BLOCKED)
                .bindAll(Map.of("keys", keys, "now", now))
                .fetchAs(SignInBlock.class)
                // The statement always returns a row; its until is null when no key waits, which one() leaves empty.
                .mappedBy((types, row) -> row.get("until").isNull()
                        ? null
                        : new SignInBlock(
                                row.get("until").asLong(), row.get("locked").asBoolean()))
                .one();
    }

    /**
     * One count of failed sign-ins and its rule.
     *
     * @param kind what it counts for, named in the answer: {@code account} or {@code address}
     * @param freeAttempts how many failures cost no wait
     * @param lockAfter how many failures lock it
     * @param forgets whether its count starts afresh once a lock's duration passed without failures
     */
    record SignInCount(String key, String kind, int freeAttempts, int lockAfter, boolean forgets) {

        Map<String, Object> asMap() {
            return Map.of(
                    "key", key, "kind", kind, "freeAttempts", freeAttempts, "lockAfter", lockAfter, "forgets", forgets);
        }
    }

    /** Whether a failure locked the count of this kind. */
    record SignInFailure(String kind, boolean locked) {}

    /** Counts a failed sign-in on each of these counts at {@code now}, and sets the wait or lock it earns. */
    List<SignInFailure> signInFailed(List<SignInCount> counts, long now, long lockMillis, long delayMillis) {
        return List.copyOf(client.query(SIGN_IN_FAILED)
                .bindAll(Map.of(
                        "keys",
                        counts.stream().map(SignInCount::asMap).toList(),
                        "now",
                        now,
                        "lockMillis",
                        lockMillis,
                        "delayMillis",
                        delayMillis))
                .fetchAs(SignInFailure.class)
                .mappedBy((types, row) -> new SignInFailure(
                        row.get("kind").asString(), row.get("locked").asBoolean()))
                .all());
    }

    /** Clears the count of this throttle key. */
    void signInSucceeded(String key) {
        client.query(SIGN_IN_SUCCEEDED).bind(key).to("key").run();
    }

    /** Forgets the counts whose last failure was before {@code before} (epoch milliseconds). */
    void forgetSignInFailuresBefore(long before) {
        client.query(FORGET_SIGN_IN_FAILURES).bind(before).to("before").run();
    }
}
