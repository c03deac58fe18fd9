package nl.nabij.volunteer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * At most {@code nabij.volunteer.registrations-per-hour} registrations per client address in any hour. Kept in memory:
 * it slows a script down on one instance; several instances behind a balancer each count their own share.
 */
@Component
class RegistrationRateLimit {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final VolunteerProperties properties;
    private final Clock clock;

    RegistrationRateLimit(VolunteerProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts an attempt from the address; false when it is one too many. */
    boolean allow(String address) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(address == null ? "unknown" : address, key -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= properties.registrationsPerHour()) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
