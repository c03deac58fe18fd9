package nl.nabij.webhook;

import org.neo4j.driver.types.MapAccessor;

/**
 * A webhook that was not delivered: after its last attempt, or at once when the receiver refused it.
 *
 * @param id the delivery's id, also the event's id and the {@code webhook-id} header
 * @param type the event's type
 * @param deadAt when it became a dead letter, as the database writes it; also its place in the list
 * @param lastStatus the receiver's last HTTP status; null when it never answered
 * @param lastError what went wrong last, in words for an administrator
 */
record WebhookDeadLetter(
        String id,
        String organisationId,
        String type,
        String createdAt,
        String deadAt,
        int attempts,
        Integer lastStatus,
        String lastError) {

    /** The projection the dead-letter list returns; {@code d} is the delivery. */
    static final String PROJECTION = "d {.id, .organisationId, .type, .attempts, .lastStatus, .lastError,"
            + " createdAt: toString(d.createdAt), deadAt: toString(d.deadAt)}";

    static WebhookDeadLetter from(MapAccessor value) {
        return new WebhookDeadLetter(
                value.get("id").asString(),
                value.get("organisationId").asString(),
                value.get("type").asString(),
                value.get("createdAt").asString(),
                value.get("deadAt").asString(),
                value.get("attempts").asInt(),
                value.get("lastStatus").isNull()
                        ? null
                        : value.get("lastStatus").asInt(),
                value.get("lastError").asString(null));
    }
}
