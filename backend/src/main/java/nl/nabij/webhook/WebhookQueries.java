package nl.nabij.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.domain.Window;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The webhook feature's Cypher: subscriptions, the outbox and its dead letters, each in the caller's transaction. */
@Component
class WebhookQueries {

    /**
     * What a webhook tells of each notification whose professional works, in the household, for an organisation with
     * a subscription: the organisation, the professional's employee reference there and their own active involvements
     * with the household, and the organisation that joined. Ids and codes only, never a name.
     */
    private static final String TARGETS =
            """
            UNWIND $notificationIds AS notificationId
            MATCH (n:Notification {id: notificationId})-[:FOR]->(p:Professional)
            MATCH (h:Household {id: n.householdId})
            MATCH (:Involvement {id: n.involvementId})-[:ON_BEHALF_OF]->(joined:Organisation)
            MATCH (h)<-[:MEMBER_OF*0..1]-()<-[:CONCERNS]-(a:Involvement {status: 'ACTIVE'})<-[:REGISTERED]-(p)
            MATCH (a)-[:ON_BEHALF_OF]->(o:Organisation)
            MATCH (s:WebhookSubscription {organisationId: o.id})
            OPTIONAL MATCH (p)-[e:EMPLOYED_BY]->(o)
            WITH n, p, h, joined, o, e, collect(DISTINCT a.id) AS involvementIds
            RETURN {notificationId: n.id, kind: n.kind, createdAt: n.createdAt, matchId: n.matchId,
                    householdId: h.id, organisationId: o.id, employeeReference: e.employeeReference,
                    professionalId: p.id, involvementIds: involvementIds, joinedOrganisationId: joined.id,
                    joinedInvolvementId: n.involvementId, organisationCount: n.organisationCount} AS value
            """;

    /** Whether any organisation subscribed: answered from the label's count, without reading a node. */
    private static final String ANY_SUBSCRIPTION =
            """
            MATCH (s:WebhookSubscription)
            RETURN count(s) > 0 AS value
            """;

    private static final String ENQUEUE =
            """
            UNWIND $deliveries AS delivery
            CREATE (:WebhookDelivery {id: delivery.id, organisationId: delivery.organisationId, type: delivery.type,
                                      body: delivery.body, status: 'PENDING', attempts: 0, createdAt: $now,
                                      dueAt: $now})
            """;

    /**
     * The deliveries due, oldest first, with their subscription (null when removed). Whole nodes, read in Java: this
     * runs every few seconds, also before any webhook exists, and naming a property no node has yet would have the
     * database warn of it each time.
     */
    private static final String DUE =
            """
            MATCH (d:WebhookDelivery {status: 'PENDING'}) WHERE d.dueAt <= $now
            WITH d ORDER BY d.dueAt LIMIT $limit
            OPTIONAL MATCH (s:WebhookSubscription {organisationId: d.organisationId})
            RETURN d, s
            """;

    /** Whether a round has anything to do: a delivery due to be attempted, or one due to be forgotten. */
    private static final String ANYTHING_DUE =
            """
            RETURN EXISTS { MATCH (d:WebhookDelivery {status: 'PENDING'}) WHERE d.dueAt <= $now }
                OR EXISTS { MATCH (d:WebhookDelivery {status: 'DELIVERED'}) WHERE d.dueAt <= $now } AS value
            """;

    /** Delivered webhooks past their keeping time, a batch at a time. */
    private static final String FORGET =
            """
            MATCH (d:WebhookDelivery {status: 'DELIVERED'}) WHERE d.dueAt <= $now
            WITH d LIMIT $limit
            DELETE d
            RETURN count(*) AS value
            """;

    private static final String RECORD =
            """
            MATCH (d:WebhookDelivery {id: $id})
            SET d.status = $status, d.attempts = $attempts, d.dueAt = $dueAt, d.lastAttemptAt = $at,
                d.lastStatus = $lastStatus, d.lastError = $lastError,
                d.deliveredAt = CASE WHEN $status = 'DELIVERED' THEN $at END,
                d.deadAt = CASE WHEN $status = 'DEAD' THEN $at END
            """;

    private static final String PUT =
            """
            MATCH (o:Organisation {id: $organisationId})
            MERGE (s:WebhookSubscription {organisationId: o.id})
            ON CREATE SET s.createdAt = $now
            SET s.url = $url, s.secret = $secret, s.updatedAt = $now
            RETURN s {.organisationId, .url, createdAt: toString(s.createdAt), updatedAt: toString(s.updatedAt)}
                   AS value
            """;

    /** Secrets an earlier version stored as they are, in the Standard Webhooks notation. */
    private static final String PLAIN_SECRETS =
            """
            MATCH (s:WebhookSubscription) WHERE s.secret STARTS WITH 'whsec_'
            RETURN s.organisationId AS organisationId, s.secret AS secret
            """;

    /** Seals each secret unless it was replaced meanwhile. */
    private static final String SEAL_SECRETS =
            """
            UNWIND $rows AS row
            MATCH (s:WebhookSubscription {organisationId: row.organisationId}) WHERE s.secret = row.plain
            SET s.secret = row.sealed
            RETURN count(s) AS sealed
            """;

    private static final String REMOVE =
            """
            MATCH (s:WebhookSubscription {organisationId: $organisationId})
            DELETE s
            RETURN count(*) AS value
            """;

    private static final String SUBSCRIPTIONS =
            """
            MATCH (s:WebhookSubscription)
            RETURN s {.organisationId, .url, createdAt: toString(s.createdAt), updatedAt: toString(s.updatedAt)}
                   AS value
            ORDER BY s.organisationId
            """;

    /** Sends an organisation's dead letters (or the one named) again, as new: all attempts ahead of them. */
    private static final String REPLAY =
            """
            MATCH (d:WebhookDelivery {organisationId: $organisationId, status: 'DEAD'})
            WHERE $deliveryId IS NULL OR d.id = $deliveryId
            SET d.status = 'PENDING', d.attempts = 0, d.dueAt = $now, d.replayedAt = $now
            REMOVE d.deadAt
            RETURN count(d) AS value
            """;

    private static final String DEAD_LETTERS =
            """
            MATCH (d:WebhookDelivery {status: 'DEAD'})
            WHERE $organisationId IS NULL OR d.organisationId = $organisationId
            """;

    /** A delivery the sender is to attempt; {@code url} and {@code secret} are null when the subscription is gone. */
    record Due(String id, String body, int attempts, String url, String secret) {}

    private final Neo4jClient client;
    private final GraphQueries queries;

    WebhookQueries(Neo4jClient client, GraphQueries queries) {
        this.client = client;
        this.queries = queries;
    }

    boolean anySubscription() {
        return client.query(ANY_SUBSCRIPTION)
                .fetchAs(Boolean.class)
                .mappedBy((types, row) -> row.get("value").asBoolean())
                .one()
                .orElse(false);
    }

    /** What to tell the subscribed organisations of these notifications, a map per notification and organisation. */
    List<Map<String, Object>> targets(List<String> notificationIds) {
        return List.copyOf(client
                .query(TARGETS)
                .bindAll(Map.of("notificationIds", notificationIds))
                .fetchAs(Map.class)
                .mappedBy((types, row) -> row.get("value").asMap())
                .all()
                .stream()
                .map(WebhookQueries::stringKeys)
                .toList());
    }

    /** Puts deliveries in the outbox, due at once: maps of id, organisationId, type and body. */
    void enqueue(List<Map<String, Object>> deliveries, Instant now) {
        client.query(ENQUEUE)
                .bindAll(Map.of("deliveries", deliveries, "now", utc(now)))
                .run();
    }

    List<Due> due(Instant now, int limit) {
        return List.copyOf(client.query(DUE)
                .bindAll(Map.of("now", utc(now), "limit", limit))
                .fetchAs(Due.class)
                .mappedBy((types, row) -> {
                    MapAccessor delivery = row.get("d").asNode();
                    Value subscription = row.get("s");
                    return new Due(
                            delivery.get("id").asString(),
                            delivery.get("body").asString(),
                            delivery.get("attempts").asInt(),
                            subscription.isNull()
                                    ? null
                                    : subscription.get("url").asString(),
                            subscription.isNull()
                                    ? null
                                    : subscription.get("secret").asString());
                })
                .all());
    }

    /**
     * Records an attempt's outcome: {@code status} PENDING (to try again at {@code dueAt}), DELIVERED (to be forgotten
     * at {@code dueAt}) or DEAD.
     */
    void record(
            String id, String status, int attempts, Instant dueAt, Instant at, Integer lastStatus, String lastError) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("status", status);
        parameters.put("attempts", attempts);
        parameters.put("dueAt", dueAt == null ? null : utc(dueAt));
        parameters.put("at", utc(at));
        parameters.put("lastStatus", lastStatus);
        parameters.put("lastError", lastError);
        client.query(RECORD).bindAll(parameters).run();
    }

    /** Removes delivered webhooks whose keeping time ended, {@code limit} at most; how many. */
    long forget(Instant now, int limit) {
        return client.query(FORGET)
                .bindAll(Map.of("now", utc(now), "limit", limit))
                .fetchAs(Long.class)
                .mappedBy((types, row) -> row.get("value").asLong())
                .one()
                .orElse(0L);
    }

    /** Whether any delivery is due to be attempted or forgotten; a read, so an idle round writes nothing. */
    @Transactional(readOnly = true)
    boolean anythingDue(Instant now) {
        return client.query(ANYTHING_DUE)
                .bind(utc(now))
                .to("now")
                .fetchAs(Boolean.class)
                .mappedBy((types, row) -> row.get("value").asBoolean())
                .one()
                .orElse(false);
    }

    /** Makes or replaces the organisation's subscription; empty when there is no such organisation. */
    Optional<WebhookSubscription> put(String organisationId, String url, String secret, Instant now) {
        return client.query(PUT)
                .bindAll(Map.of("organisationId", organisationId, "url", url, "secret", secret, "now", utc(now)))
                .fetchAs(WebhookSubscription.class)
                .mappedBy((types, row) -> WebhookSubscription.from(row.get("value")))
                .one();
    }

    /** Seals the secrets stored as they are with {@code seal}; returns how many. */
    int sealPlainSecrets(UnaryOperator<String> seal) {
        List<Map<String, Object>> rows = client
                .query(PLAIN_SECRETS)
                .fetchAs(Map.class)
                .mappedBy((types, row) -> Map.<String, Object>of(
                        "organisationId", row.get("organisationId").asString(),
                        "plain", row.get("secret").asString(),
                        "sealed", seal.apply(row.get("secret").asString())))
                .all()
                .stream()
                .map(WebhookQueries::stringKeys)
                .toList();
        if (rows.isEmpty()) {
            return 0;
        }
        return client.query(SEAL_SECRETS)
                .bindAll(Map.of("rows", rows))
                .fetchAs(Integer.class)
                .mappedBy((types, row) -> row.get("sealed").asInt())
                .one()
                .orElse(0);
    }

    /** Removes the organisation's subscription; whether it had one. */
    boolean remove(String organisationId) {
        return client.query(REMOVE)
                        .bindAll(Map.of("organisationId", organisationId))
                        .fetchAs(Long.class)
                        .mappedBy((types, row) -> row.get("value").asLong())
                        .one()
                        .orElse(0L)
                > 0;
    }

    List<WebhookSubscription> subscriptions() {
        return queries.list(SUBSCRIPTIONS, Map.of(), WebhookSubscription::from);
    }

    /** Makes the organisation's dead letters, or only {@code deliveryId} among them, due again; how many. */
    long replay(String organisationId, String deliveryId, Instant now) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("organisationId", organisationId);
        parameters.put("deliveryId", deliveryId);
        parameters.put("now", utc(now));
        return client.query(REPLAY)
                .bindAll(parameters)
                .fetchAs(Long.class)
                .mappedBy((types, row) -> row.get("value").asLong())
                .one()
                .orElse(0L);
    }

    /** One page of the dead letters, of one organisation or all, oldest first: sorted on when they died, then id. */
    Window<WebhookDeadLetter> deadLetters(
            String organisationId, ScrollSubrange subrange, Function<WebhookDeadLetter, Paging.Position> cursorOf) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("organisationId", organisationId);
        return queries.page(
                DEAD_LETTERS,
                "toString(d.deadAt)",
                "d.id",
                WebhookDeadLetter.PROJECTION,
                parameters,
                subrange,
                WebhookDeadLetter::from,
                cursorOf);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
