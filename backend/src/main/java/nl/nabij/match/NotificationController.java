package nl.nabij.match;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import nl.nabij.api.Connection;
import nl.nabij.api.PageRequest;
import nl.nabij.security.CurrentUser;
import nl.nabij.security.NabijUser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** The {@code Notification} type: a professional's inbox, marking it read, and the live subscription. */
@Controller
class NotificationController {

    private final NotificationInbox inbox;
    private final NotificationPublisher publisher;
    private final CurrentUser currentUser;

    NotificationController(NotificationInbox inbox, NotificationPublisher publisher, CurrentUser currentUser) {
        this.inbox = inbox;
        this.publisher = publisher;
        this.currentUser = currentUser;
    }

    @QueryMapping
    Connection<Notification> myNotifications(
            @Argument boolean unreadOnly, @Argument Integer first, @Argument String after) {
        return inbox.of(currentUser.get().professionalId(), unreadOnly, PageRequest.of(first, after, null, null));
    }

    @MutationMapping
    NotificationInbox.MarkReadPayload markNotificationsRead(@Argument MarkNotificationsReadInput input) {
        return inbox.markRead(currentUser.get().professionalId(), input.notificationIds());
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
