package nl.nabij.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import nl.nabij.api.Digests;
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

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecurityQueries queries;
    private final SessionProperties properties;
    private final Clock clock;

    SessionStore(SecurityQueries queries, SessionProperties properties, Clock clock) {
        this.queries = queries;
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
        queries.startSession(new SecurityQueries.NewSession(
                Digests.sha256(id),
                clock.millis(),
                tokenExpiry.map(Instant::toEpochMilli).orElse(null),
                user,
                builtIn));
        return id;
    }

    /** The user of a session that has not ended, and marks it used. */
    @Transactional
    Optional<NabijUser> use(String id) {
        String idHash = Digests.sha256(id);
        long now = clock.millis();
        Optional<SecurityQueries.LiveSession> session = queries.liveSession(
                idHash,
                now,
                now - properties.idleTimeout().toMillis(),
                now - properties.absoluteTimeout().toMillis());
        session.filter(live -> live.lastSeen() < now - touchInterval())
                .ifPresent(live -> queries.touchSession(idHash, now));
        return session.map(SecurityQueries.LiveSession::user);
    }

    /** Sign-out. */
    @Transactional
    void end(String id) {
        queries.endSession(Digests.sha256(id));
    }

    /** Ends every session of a built-in account, on every instance: for a disabled account. */
    @Transactional
    public void endAllOf(String username) {
        queries.endSessionsOf(username);
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    @Transactional
    void removeEnded() {
        long now = clock.millis();
        queries.removeEndedSessions(
                now,
                now - properties.idleTimeout().toMillis(),
                now - properties.absoluteTimeout().toMillis());
    }

    private long touchInterval() {
        return Math.min(
                Duration.ofMinutes(1).toMillis(), properties.idleTimeout().toMillis() / 10);
    }
}
