package nl.nabij.webhook;

import java.util.List;
import nl.nabij.security.Actor;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The {@code WebhookSubscription} and {@code WebhookDeadLetter} types: the administrator's webhook operations. */
@Controller
class WebhookController {

    private final WebhookAdministration administration;

    WebhookController(WebhookAdministration administration) {
        this.administration = administration;
    }

    /** The input of {@code putWebhookSubscription}. */
    record PutWebhookSubscriptionInput(String organisationId, String url) {}

    /** The input of {@code removeWebhookSubscription}. */
    record RemoveWebhookSubscriptionInput(String organisationId) {}

    /** The input of {@code replayWebhookDeadLetters}. */
    record ReplayWebhookDeadLettersInput(String organisationId, String deliveryId) {}

    @QueryMapping
    List<WebhookSubscription> webhookSubscriptions() {
        return administration.subscriptions();
    }

    @QueryMapping
    Window<WebhookDeadLetter> webhookDeadLetters(@Argument String organisationId, ScrollSubrange subrange) {
        return administration.deadLetters(organisationId, subrange);
    }

    @MutationMapping
    WebhookAdministration.PutPayload putWebhookSubscription(@Argument PutWebhookSubscriptionInput input, Actor actor) {
        return administration.put(actor.user(), actor.origin(), input.organisationId(), input.url());
    }

    @MutationMapping
    WebhookAdministration.RemovePayload removeWebhookSubscription(
            @Argument RemoveWebhookSubscriptionInput input, Actor actor) {
        return administration.remove(actor.user(), actor.origin(), input.organisationId());
    }

    @MutationMapping
    WebhookAdministration.ReplayPayload replayWebhookDeadLetters(
            @Argument ReplayWebhookDeadLettersInput input, Actor actor) {
        return administration.replay(actor.user(), actor.origin(), input.organisationId(), input.deliveryId());
    }
}
