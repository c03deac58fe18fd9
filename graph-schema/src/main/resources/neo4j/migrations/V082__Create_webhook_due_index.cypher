// The sender looks for the pending webhooks whose next attempt is due, oldest first, and for the delivered ones whose
// time to be forgotten has come.
CREATE RANGE INDEX webhook_delivery_due_index IF NOT EXISTS
FOR (d:WebhookDelivery) ON (d.status, d.dueAt);
