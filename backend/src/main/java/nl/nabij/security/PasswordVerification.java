package nl.nabij.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a password against its Argon2id hash, which costs tens of milliseconds of CPU on purpose. An unknown account
 * is checked against a fixed hash of a random password, so it costs the same and its answer takes as long. Only
 * {@link SignInProperties#verificationPermits()} checks run at once; an attempt that finds none free within
 * {@link SignInProperties#verificationWait()} is refused without hashing, so a flood of wrong credentials cannot take
 * the whole CPU. Every check is counted in the metric {@value #METRIC}.
 */
@Component
class PasswordVerification {

    static final String METRIC = "nabij.sign-in.password-verifications";

    private final PasswordEncoder passwords;
    private final Semaphore permits;
    private final Duration wait;
    private final Counter verifications;
    private final String unknownAccountHash;

    PasswordVerification(PasswordEncoder passwords, SignInProperties properties, MeterRegistry metrics) {
        this.passwords = passwords;
        this.permits = new Semaphore(properties.verificationPermits());
        this.wait = properties.verificationWait();
        this.verifications = Counter.builder(METRIC)
                .description("Argon2id password checks, for known and unknown accounts alike")
                .register(metrics);
        this.unknownAccountHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** Whether the password is the one {@code hash} was made of; an empty hash (no such account) never matches. */
    boolean matches(String password, Optional<String> hash) {
        try {
            if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw SignInRefused.busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SignInRefused.busy();
        }
        try {
            verifications.increment();
            boolean matches = passwords.matches(password, hash.orElse(unknownAccountHash));
            return matches && hash.isPresent();
        } finally {
            permits.release();
        }
    }
}
