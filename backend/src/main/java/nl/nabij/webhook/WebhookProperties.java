package nl.nabij.webhook;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Nabij sends webhooks to case systems.
 *
 * @param source the CloudEvents {@code source} of every event: this installation, as the NL GOV profile asks a URN
 *     such as {@code urn:nld:oin:<the municipality's OIN>:systeem:nabij}, or a URL
 * @param sendInterval how long the sender waits between rounds
 * @param batch the most deliveries one round sends
 * @param timeout how long one attempt may take, connecting and answering together
 * @param maxAttempts attempts before a delivery becomes a dead letter
 * @param firstRetry the wait after the first failed attempt; each next wait doubles, less up to half at random
 * @param longestRetry the longest wait, also when a receiver's Retry-After asks more
 * @param keepDelivered how long a delivered webhook is kept, to look into what a case system was sent; dead letters
 *     are kept until replayed
 */
@ConfigurationProperties("nabij.webhooks")
record WebhookProperties(
        @DefaultValue("urn:nabij:installation") URI source,
        @DefaultValue("5s") Duration sendInterval,
        @DefaultValue("50") int batch,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("10m") Duration firstRetry,
        @DefaultValue("12h") Duration longestRetry,
        @DefaultValue("7d") Duration keepDelivered) {}
