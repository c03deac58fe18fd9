package nl.nabij.match;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import nl.nabij.security.Actor;
import nl.nabij.security.NabijUser;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** The {@code Notification} type: a professional's inbox, marking it read, and the live subscription. */
@Controller
class NotificationController {

    private final NotificationInbox inbox;
    private final NotificationPublisher publisher;

    NotificationController(NotificationInbox inbox, NotificationPublisher publisher) {
        this.inbox = inbox;
        this.publisher = publisher;
    }

    @QueryMapping
    Window<Notification> myNotifications(@Argument boolean unreadOnly, ScrollSubrange subrange, Actor actor) {
        return inbox.of(actor.user().professionalId(), unreadOnly, subrange);
    }

    @MutationMapping
    NotificationInbox.MarkReadPayload markNotificationsRead(@Argument MarkNotificationsReadInput input, Actor actor) {
        return inbox.markRead(actor.user().professionalId(), input.notificationIds());
    }

    /** Over WebSocket the user comes from the connection's sign-in, which the interceptor put in the context. */
    @SubscriptionMapping
    Flux<Notification> notifications(DataFetchingEnvironment environment) {
        NabijUser user = environment.getGraphQlContext().get(NabijUser.class);
        return publisher.liveFor(user.professionalId());
    }

    /** The input of {@code markNotificationsRead}. */
    record MarkNotificationsReadInput(List<String> notificationIds) {}
}
