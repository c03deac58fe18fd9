package nl.nabij.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How signing in with a password is limited (NIST SP 800-63B 5.2.2): a growing delay after a few failures, then a
 * temporary lock, per account and per client address; and how much of the CPU password hashing may take.
 *
 * @param basicAuth whether scripts may send HTTP Basic credentials on every request; the web app signs in once
 *     ({@code POST /session}) either way
 * @param freeAttempts failures in a row for one account before each further attempt has to wait
 * @param delay the first wait; it doubles with every further failure
 * @param lockAfter failures in a row for one account that lock it
 * @param lockDuration how long a lock holds; every failure after it locks again, until the right password is given
 * @param addressLockAfter failures from one client address that lock that address (many accounts tried from one place)
 * @param concurrentVerifications how many passwords may be checked at once; 0: one per processor
 * @param verificationWait how long an attempt may wait for a free password check; then it is answered 503 without hashing
 */
@ConfigurationProperties("nabij.sign-in")
public record SignInProperties(
        @DefaultValue("true") boolean basicAuth,
        @DefaultValue("3") int freeAttempts,
        @DefaultValue("PT1S") Duration delay,
        @DefaultValue("10") int lockAfter,
        @DefaultValue("PT15M") Duration lockDuration,
        @DefaultValue("100") int addressLockAfter,
        @DefaultValue("0") int concurrentVerifications,
        @DefaultValue("PT0.2S") Duration verificationWait) {

    int verificationPermits() {
        return concurrentVerifications > 0
                ? concurrentVerifications
                : Runtime.getRuntime().availableProcessors();
    }
}
