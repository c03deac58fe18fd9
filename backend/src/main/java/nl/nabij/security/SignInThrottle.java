package nl.nabij.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import nl.nabij.api.Digests;
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

    /** Counts that no attempt has touched for this long are forgotten; a lock is far shorter than that. */
    private static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    private final SecurityQueries queries;
    private final SignInProperties properties;
    private final Clock clock;

    SignInThrottle(SecurityQueries queries, SignInProperties properties, Clock clock) {
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a failure locked: the account, the address, both or neither. */
    record Locks(boolean account, boolean address) {}

    /** Refuses an attempt that must still wait, before any password is checked. */
    @Transactional(readOnly = true)
    public void checkAllowed(String username, String address) {
        long now = clock.millis();
        queries.signInBlock(List.of(accountKey(username), addressKey(address)), now)
                .ifPresent(block -> {
                    throw SignInRefused.waiting(Duration.ofMillis(block.until() - now), block.locked());
                });
    }

    @Transactional
    public Locks failed(String username, String address) {
        List<SecurityQueries.SignInFailure> failures = queries.signInFailed(
                List.of(
                        new SecurityQueries.SignInCount(
                                accountKey(username),
                                "account",
                                properties.freeAttempts(),
                                properties.lockAfter(),
                                false),
                        new SecurityQueries.SignInCount(
                                addressKey(address),
                                "address",
                                properties.addressLockAfter(),
                                properties.addressLockAfter(),
                                true)),
                clock.millis(),
                properties.lockDuration().toMillis(),
                properties.delay().toMillis());
        return new Locks(locked(failures, "account"), locked(failures, "address"));
    }

    @Transactional
    public void succeeded(String username) {
        queries.signInSucceeded(accountKey(username));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    @Transactional
    void forgetOldFailures() {
        queries.forgetSignInFailuresBefore(clock.millis() - FORGOTTEN_AFTER.toMillis());
    }

    private static boolean locked(List<SecurityQueries.SignInFailure> failures, String kind) {
        return failures.stream().anyMatch(failure -> kind.equals(failure.kind()) && failure.locked());
    }

    private static String accountKey(String username) {
        return "account:" + Digests.sha256(username.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + Digests.sha256(address);
    }
}
