package nl.nabij.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.nabij.api.Digests;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins, counted in the database so every instance sees them: one {@code SignInThrottle} node per account
 * name and per client address, found by the SHA-256 of either, so no typed name or address is stored. Up to
 * {@link SignInProperties#freeAttempts()} failures of an account cost nothing; each further one makes the next attempt
 * wait twice as long, and {@link SignInProperties#lockAfter()} lock it for {@link SignInProperties#lockDuration()}.
 * After a lock every failure locks again at once; only the right password clears the count. An address is locked
 * after {@link SignInProperties#addressLockAfter()} failures, without delays before, as an office behind one address
 * has many users; its count starts afresh once a lock's duration has passed without failures. Unknown account names
 * are counted like known ones, so the answers tell nothing about which exist.
 */
@Component
class SignInThrottle {

    private static final String BLOCKED =
            """
            MATCH (t:SignInThrottle) WHERE t.key IN $keys AND t.blockedUntil > $now
            RETURN max(t.blockedUntil) AS until, any(locked IN collect(t.locked) WHERE locked) AS locked
            """;

    private static final String FAILED =
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

    private static final String SUCCEEDED =
            """
            MATCH (t:SignInThrottle {key: $key}) DELETE t
            """;

    /** Counts that no attempt has touched for a day are forgotten; a lock is far shorter than that. */
    private static final String FORGET =
            """
            MATCH (t:SignInThrottle) WHERE t.lastFailure < $before DELETE t
            """;

    private final Neo4jClient client;
    private final SignInProperties properties;
    private final Clock clock;

    SignInThrottle(Neo4jClient client, SignInProperties properties, Clock clock) {
        this.client = client;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a failure locked: the account, the address, both or neither. */
    record Locks(boolean account, boolean address) {}

    /** Refuses an attempt that must still wait, before any password is checked. */
    @Transactional(readOnly = true)
    public void checkAllowed(String username, String address) {
        long now = clock.millis();
        client.query(BLOCKED)
                .bindAll(Map.of("keys", List.of(accountKey(username), addressKey(address)), "now", now))
                .fetch()
                .one()
                .filter(row -> row.get("until") != null)
                .ifPresent(row -> {
                    throw SignInRefused.waiting(
                            Duration.ofMillis((Long) row.get("until") - now), (Boolean) row.get("locked"));
                });
    }

    @Transactional
    public Locks failed(String username, String address) {
        var rows = client.query(FAILED)
                .bindAll(Map.of(
                        "keys",
                        List.of(
                                Map.of(
                                        "key", accountKey(username),
                                        "kind", "account",
                                        "freeAttempts", properties.freeAttempts(),
                                        "lockAfter", properties.lockAfter(),
                                        "forgets", false),
                                Map.of(
                                        "key", addressKey(address),
                                        "kind", "address",
                                        "freeAttempts", properties.addressLockAfter(),
                                        "lockAfter", properties.addressLockAfter(),
                                        "forgets", true)),
                        "now",
                        clock.millis(),
                        "lockMillis",
                        properties.lockDuration().toMillis(),
                        "delayMillis",
                        properties.delay().toMillis()))
                .fetch()
                .all();
        return new Locks(locked(rows, "account"), locked(rows, "address"));
    }

    @Transactional
    public void succeeded(String username) {
        client.query(SUCCEEDED).bind(accountKey(username)).to("key").run();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    @Transactional
    void forgetOldFailures() {
        client.query(FORGET)
                .bind(clock.millis() - Duration.ofDays(1).toMillis())
                .to("before")
                .run();
    }

    private static boolean locked(java.util.Collection<Map<String, Object>> rows, String kind) {
        return rows.stream().anyMatch(row -> kind.equals(row.get("kind")) && (Boolean) row.get("locked"));
    }

    private static String accountKey(String username) {
        return "account:" + Digests.sha256(username.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + Digests.sha256(address);
    }
}
