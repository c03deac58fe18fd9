// Each organisation has at most one webhook subscription, found by the organisation's id; each webhook in the outbox
// is found by its id, which is also the event's id.
CREATE CONSTRAINT webhook_subscription_organisation_unique IF NOT EXISTS
FOR (s:WebhookSubscription) REQUIRE s.organisationId IS UNIQUE;
CREATE CONSTRAINT webhook_delivery_id_unique IF NOT EXISTS
FOR (d:WebhookDelivery) REQUIRE d.id IS UNIQUE;
