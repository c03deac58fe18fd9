package nl.nabij.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.data.neo4j.core.Neo4jClient;
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

    /** Counts an attempt. Setting a property first takes the node's lock, so attempts at once each count. */
    private static final String COUNT =
            """
            MERGE (w:RegistrationWindow {key: $key})
            ON CREATE SET w.attempts = 0, w.until = datetime($until)
            SET w.counting = true
            WITH w, w.attempts + 1 AS attempts
            SET w.attempts = attempts
            REMOVE w.counting
            RETURN attempts AS value
            """;

    private static final String REMOVE_PAST =
            """
            MATCH (w:RegistrationWindow) WHERE w.until <= datetime($now)
            DELETE w
            RETURN count(w) AS value
            """;

    private final Neo4jClient client;
    private final TransactionOperations transactions;
    private final VolunteerProperties properties;
    private final Clock clock;

    RegistrationRateLimit(
            Neo4jClient client, TransactionOperations transactions, VolunteerProperties properties, Clock clock) {
        this.client = client;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts an attempt from the client address; false when it is one too many for this hour. */
    boolean allow(String clientAddress) {
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        String key = Links.hash(clientAddress == null ? "unknown" : clientAddress) + "@" + hour;
        Long attempts = transactions.execute(status -> client.query(COUNT)
                .bindAll(Map.of(
                        "key",
                        key,
                        "until",
                        hour.plus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC).toString()))
                .fetchAs(Long.class)
                .mappedBy((types, row) -> row.get("value").asLong())
                .one()
                .orElseThrow());
        return attempts <= properties.registrationsPerHour();
    }

    /** Removes the windows whose hour had passed at {@code moment}; returns how many. */
    long removeExpiredAt(Instant moment) {
        return transactions.execute(status -> client.query(REMOVE_PAST)
                .bindAll(Map.of("now", moment.atOffset(ZoneOffset.UTC).toString()))
                .fetchAs(Long.class)
                .mappedBy((types, row) -> row.get("value").asLong())
                .one()
                .orElse(0L));
    }
}
