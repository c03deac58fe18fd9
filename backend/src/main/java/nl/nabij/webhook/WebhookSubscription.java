package nl.nabij.webhook;

import org.neo4j.driver.types.MapAccessor;

/**
 * Where an organisation's case system takes its webhooks. The signing secret is not part of it: it is shown once,
 * in the payload of the mutation that made it.
 *
 * @param createdAt when it was first made, in UTC (ISO-8601)
 * @param updatedAt when its address and secret were last set
 */
record WebhookSubscription(String organisationId, String url, String createdAt, String updatedAt) {

    static WebhookSubscription from(MapAccessor value) {
        return new WebhookSubscription(
                value.get("organisationId").asString(),
                value.get("url").asString(),
                value.get("createdAt").asString(),
                value.get("updatedAt").asString());
    }
}
