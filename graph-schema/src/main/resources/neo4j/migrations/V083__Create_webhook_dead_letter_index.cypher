// An administrator lists and replays an organisation's dead letters.
CREATE RANGE INDEX webhook_delivery_organisation_index IF NOT EXISTS
FOR (d:WebhookDelivery) ON (d.organisationId, d.status);
