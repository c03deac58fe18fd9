package nl.nabij.webhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.nabij.match.MatchNotified;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a webhook in the outbox for every notification whose professional works for a subscribed organisation, in the
 * transaction that made the notification: a match that commits has its webhooks waiting, whatever happens to this
 * instance after; one that rolls back has none. The sender sends them from there.
 */
@Component
class WebhookOutbox {

    private final WebhookQueries queries;
    private final MatchEvents events;
    private final Clock clock;

    WebhookOutbox(WebhookQueries queries, MatchEvents events, Clock clock) {
        this.queries = queries;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void enqueue(MatchNotified notified) {
        // Most installations have no subscription: then a match, which holds its household's lock, reads nothing more.
        if (!queries.anySubscription()) {
            return;
        }
        List<Map<String, Object>> targets = queries.targets(notified.notificationIds());
        if (targets.isEmpty()) {
            return;
        }
        List<Map<String, Object>> deliveries = new ArrayList<>(targets.size());
        for (Map<String, Object> target : targets) {
            String id = MatchEvents.newId();
            deliveries.add(Map.of(
                    "id",
                    id,
                    "organisationId",
                    target.get("organisationId"),
                    "type",
                    MatchEvents.TYPE,
                    "body",
                    events.event(id, target)));
        }
        queries.enqueue(deliveries, clock.instant());
    }
}
