package nl.nabij.match;

import java.util.List;
import nl.nabij.involvement.InvolvementsRegistered;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes or grows the match of the household a new involvement concerns, in the registering transaction, with one
 * statement that first locks the household: registrations for one household then follow each other, and each sees the
 * involvements the ones before it committed. Without that, twenty organisations registering at once would each see only themselves.
 */
@Component
class Matcher {

    private final MatchQueries queries;
    private final NotificationPublisher publisher;
    private final ApplicationEventPublisher events;

    Matcher(MatchQueries queries, NotificationPublisher publisher, ApplicationEventPublisher events) {
        this.queries = queries;
        this.publisher = publisher;
        this.events = events;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void match(InvolvementsRegistered registered) {
        List<NotificationPublisher.Delivery> deliveries = queries.match(registered.involvementIds());
        if (!deliveries.isEmpty()) {
            events.publishEvent(new MatchNotified(deliveries.stream()
                    .map(delivery -> delivery.notification().id())
                    .toList()));
        }
        publisher.afterCommit(deliveries);
    }
}
