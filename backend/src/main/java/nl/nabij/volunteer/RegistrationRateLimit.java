package nl.nabij.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import nl.nabij.api.Digests;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * At most {@code nabij.volunteer.registrations-per-hour} registrations per client address in each hour of the clock.
 * Counted in the database, so every app instance counts against the same limit and no instance keeps a map that grows
 * with every client: a {@code RegistrationWindow} node per client and hour, found by its key, removed once its hour
 * has passed. The key holds the SHA-256 of the address, not the address. The client address is the one
 * {@link ClientAddress} finds, behind a trusted proxy the address that proxy received the request from.
 */
@Component
class RegistrationRateLimit {

    private final VolunteerQueries queries;
    private final TransactionOperations transactions;
    private final VolunteerProperties properties;
    private final Clock clock;

    RegistrationRateLimit(
            VolunteerQueries queries, TransactionOperations transactions, VolunteerProperties properties, Clock clock) {
        this.queries = queries;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts an attempt from the client address; false when it is one too many for this hour. */
    boolean allow(String clientAddress) {
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        String key = Digests.sha256(clientAddress == null ? "unknown" : clientAddress) + "@" + hour;
        Long attempts = transactions.execute(status -> queries.countAttempt(
                key, hour.plus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC).toString()));
        return attempts <= properties.registrationsPerHour();
    }

    /** Removes the windows whose hour had passed at {@code moment}; returns how many. */
    long removeExpiredAt(Instant moment) {
        return transactions.execute(status ->
                queries.removeWindowsPastAt(moment.atOffset(ZoneOffset.UTC).toString()));
    }
}
