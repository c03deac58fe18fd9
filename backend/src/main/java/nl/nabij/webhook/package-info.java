/**
 * Webhooks to organisations' case systems: when a professional of an organisation with a webhook subscription is told
 * of a match, the organisation's case system gets an NL GOV CloudEvent of it, signed as Standard Webhooks prescribe.
 * Owns the subscriptions ({@code WebhookSubscription}, one per organisation, with the signing secret sealed under a
 * key the database never holds: {@code WebhookSecrets}) and the outbox
 * ({@code WebhookDelivery}): written in the transaction that made the notification, sent by one app instance at a
 * time, retried with back-off, and after the last attempt kept as a dead letter an administrator can replay.
 */
package nl.nabij.webhook;
