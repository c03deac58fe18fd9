package nl.nabij.match;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
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

    private final NotificationPublisher publisher;
    private final MatchQueries queries;
    private final Duration lookBack;
    private ZonedDateTime since;
    private boolean failing;

    NotificationRelay(
            NotificationPublisher publisher,
            MatchQueries queries,
            @Value("${nabij.notifications.relay-look-back:PT10S}") Duration lookBack) {
        this.publisher = publisher;
        this.queries = queries;
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
                    since = queries.now();
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

    private void relayStoredSince() {
        for (MatchQueries.Stored notification : queries.storedSince(since, lookBack)) {
            publisher.relay(notification.delivery());
            if (notification.at().isAfter(since)) {
                since = notification.at();
            }
        }
    }
}
