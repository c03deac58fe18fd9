// Each app instance relays to its own live subscribers the notifications other instances created: a range seek on
// the time a notification was made, once a second.
CREATE INDEX notification_created_at_index IF NOT EXISTS FOR (n:Notification) ON (n.createdAt);
