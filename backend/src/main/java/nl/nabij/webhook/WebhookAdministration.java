package nl.nabij.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.api.Paging;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.security.NabijUser;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's side of webhooks: an organisation's subscription made, replaced or removed, and its dead letters
 * listed and sent again. Every change is audited in its own transaction. A new or replaced subscription gets a new
 * secret, returned once; replacing it is how a secret is rotated.
 */
@Service
class WebhookAdministration {

    static final int LONGEST_URL = 2000;
    /** Plain HTTP stays on this machine only: a receiver under test, or a local relay that adds TLS. */
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final WebhookQueries queries;
    private final WebhookSecrets secrets;
    private final AuditTrail trail;
    private final Clock clock;

    WebhookAdministration(WebhookQueries queries, WebhookSecrets secrets, AuditTrail trail, Clock clock) {
        this.queries = queries;
        this.secrets = secrets;
        this.trail = trail;
        this.clock = clock;
    }

    /** The result of making or replacing a subscription: it and its new secret, or the errors. */
    record PutPayload(WebhookSubscription subscription, String secret, List<InputError> errors) {

        static PutPayload refused(InputError error) {
            return new PutPayload(null, null, List.of(error));
        }
    }

    /** The result of removing a subscription. */
    record RemovePayload(boolean removed, List<InputError> errors) {}

    /** The result of replaying dead letters: how many are due again. */
    record ReplayPayload(int replayed, List<InputError> errors) {}

    @Transactional
    PutPayload put(NabijUser user, String origin, String organisationId, String url) {
        Optional<InputError> wrong = checkUrl(url);
        if (wrong.isPresent()) {
            return PutPayload.refused(wrong.get());
        }
        String secret = WebhookSignature.newSecret();
        Optional<WebhookSubscription> subscription =
                queries.put(organisationId, url, secrets.seal(secret), clock.instant());
        if (subscription.isEmpty()) {
            return PutPayload.refused(unknownOrganisation());
        }
        audit(user, origin, "webhook-subscription");
        return new PutPayload(subscription.get(), secret, List.of());
    }

    @Transactional
    RemovePayload remove(NabijUser user, String origin, String organisationId) {
        if (!queries.remove(organisationId)) {
            return new RemovePayload(false, List.of(noSubscription()));
        }
        audit(user, origin, "webhook-subscription");
        return new RemovePayload(true, List.of());
    }

    @Transactional
    ReplayPayload replay(NabijUser user, String origin, String organisationId, String deliveryId) {
        if (deliveryId != null && Ids.canonicalUuid(deliveryId) == null) {
            return new ReplayPayload(
                    0, List.of(new InputError("deliveryId", "MALFORMED_ID", "deliveryId must be a UUID")));
        }
        long replayed = queries.replay(organisationId, deliveryId, clock.instant());
        if (replayed == 0 && deliveryId != null) {
            return new ReplayPayload(
                    0,
                    List.of(new InputError(
                            "deliveryId", "UNKNOWN_DEAD_LETTER", "the organisation has no dead letter with this id")));
        }
        if (replayed > 0) {
            audit(user, origin, "webhook-replay");
        }
        return new ReplayPayload((int) replayed, List.of());
    }

    @Transactional(readOnly = true)
    List<WebhookSubscription> subscriptions() {
        return queries.subscriptions();
    }

    Window<WebhookDeadLetter> deadLetters(String organisationId, ScrollSubrange subrange) {
        return queries.deadLetters(
                organisationId, subrange, letter -> new Paging.Position(letter.deadAt(), letter.id()));
    }

    /** An address a subscription may have: absolute, https (plain http to this machine only), no credentials in it. */
    static Optional<InputError> checkUrl(String url) {
        URI uri;
        try {
            uri = url == null || url.length() > LONGEST_URL ? null : new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of(new InputError(
                    "url",
                    "MALFORMED_URL",
                    "url is an absolute https address of at most " + LONGEST_URL + " characters"));
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            return Optional.of(new InputError("url", "URL_NOT_HTTPS", "webhooks go over https only"));
        }
        return Optional.empty();
    }

    private void audit(NabijUser user, String origin, String purpose) {
        trail.append(
                user, origin, List.of(new AuditEntry("CHANGE", true, purpose, "webhook-administration", List.of())));
    }

    private static InputError unknownOrganisation() {
        return new InputError("organisationId", "UNKNOWN_ORGANISATION", "there is no organisation with this id");
    }

    private static InputError noSubscription() {
        return new InputError("organisationId", "NO_SUBSCRIPTION", "the organisation has no webhook subscription");
    }
}
