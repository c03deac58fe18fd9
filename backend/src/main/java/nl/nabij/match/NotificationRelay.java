package nl.nabij.match;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Brings the notifications that other app instances created to this instance's live subscribers: a professional
 * connected here hears of a registration that committed on another instance within about a second. It reads only
 * while someone here is subscribed. It looks a few seconds back from the newest notification it has seen, because a
 * notification is stamped when its statement runs and may commit after one stamped later; the publisher drops what
 * it already delivered here.
 */
@Component
class NotificationRelay {

    private static final Logger log = LoggerFactory.getLogger(NotificationRelay.class);

    private static final String NOW = "RETURN datetime() AS value";

    private static final String SINCE =
            """
            MATCH (n:Notification) WHERE n.createdAt > datetime($since) - $lookBack
            MATCH (n)-[:FOR]->(p:Professional)
            RETURN {notification: n {.id, .kind, .matchId, .householdId, .involvementId, .organisation, .professional, .organisationCount, createdAt: toString(n.createdAt), read: n.readAt IS NOT NULL}, professionalId: p.id, email: p.email, at: n.createdAt} AS value
            ORDER BY n.createdAt LIMIT 1000
            """;

    /** A notification as another instance stored it, with the moment it was stamped. */
    private record Stored(NotificationPublisher.Delivery delivery, ZonedDateTime at) {}

    private final NotificationPublisher publisher;
    private final Neo4jClient client;
    private final Duration lookBack;
    private ZonedDateTime since;
    private boolean failing;

    NotificationRelay(
            NotificationPublisher publisher,
            Neo4jClient client,
            @Value("${nabij.notifications.relay-look-back:PT10S}") Duration lookBack) {
        this.publisher = publisher;
        this.client = client;
        this.lookBack = lookBack;
    }

    @Scheduled(fixedDelayString = "${nabij.notifications.relay-interval:PT1S}")
    void relay() {
        try {
            publisher.forgetDeliveredBefore(Instant.now().minus(lookBack.multipliedBy(3)));
            if (!publisher.hasLiveSubscribers()) {
                // Starts afresh, from the database's clock, when someone subscribes again.
                since = null;
            } else {
                if (since == null) {
                    since = databaseNow();
                }
                relayStoredSince();
            }
            failing = false;
        } catch (DataAccessException | TransactionException | Neo4jException e) {
            if (!failing) {
                log.warn(
                        "Cannot relay notifications from other instances now; they wait in the inbox: {}",
                        e.getMessage());
                failing = true;
            }
        }
    }

    private ZonedDateTime databaseNow() {
        return client.query(NOW)
                .fetchAs(ZonedDateTime.class)
                .mappedBy((types, row) -> row.get("value").asZonedDateTime())
                .one()
                .orElseThrow();
    }

    private void relayStoredSince() {
        Collection<Stored> stored = client.query(SINCE)
                .bindAll(Map.of("since", since, "lookBack", lookBack))
                .fetchAs(Stored.class)
                .mappedBy((types, row) -> {
                    var value = row.get("value");
                    return new Stored(
                            new NotificationPublisher.Delivery(
                                    Notification.from(value.get("notification")),
                                    value.get("professionalId").asString(),
                                    value.get("email").asString(null)),
                            value.get("at").asZonedDateTime());
                })
                .all();
        for (Stored notification : stored) {
            publisher.relay(notification.delivery());
            if (notification.at().isAfter(since)) {
                since = notification.at();
            }
        }
    }
}
