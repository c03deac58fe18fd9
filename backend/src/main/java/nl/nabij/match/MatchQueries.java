package nl.nabij.match;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.domain.Window;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Component;

/**
 * The match feature's Cypher: growing a household's match, under a lock on the household, with a notification per professional, the
 * inbox, and the notifications other instances stored. Each runs in the caller's transaction, if it has one.
 */
@Component
class MatchQueries {

    /**
     * The circle is every active involvement with the household or a member. With two or more organisations in it the
     * household has a match, holding the whole circle. When the registering organisation is new to the circle (it had
     * no other active involvement there), each other professional in the circle gets one notification naming the
     * household's address; the registrant is not told of their own registration, and a colleague of an organisation
     * already involved is no news.
     *
     * <p>It first locks the household the involvement concerns (a property set): registrations for one household then
     * follow each other, and each reads the circle only once the ones before it committed. Several involvements (a
     * group of registrations committed together, all made before any is matched) are matched in turn, each in the
     * circle as it stood at its own registration: with the ones before it, without those after it ({@code later}).
     */
    private static final String MATCH =
            """
            UNWIND range(0, size($involvementIds) - 1) AS turn
            WITH $involvementIds[turn] AS involvementId, $involvementIds[turn + 1..] AS later
            CALL (involvementId, later) {
              MATCH (i:Involvement {id: involvementId})-[:CONCERNS]->(:Resident|Household)-[:MEMBER_OF*0..1]->(h:Household)
              SET h.lastInvolvementAt = datetime()
              WITH i, h
              MATCH (i)-[:ON_BEHALF_OF]->(joined:Organisation), (by:Professional)-[:REGISTERED]->(i)
              CALL (h, later) {
                MATCH (h)<-[:MEMBER_OF*0..1]-(x)<-[:CONCERNS]-(a:Involvement {status: 'ACTIVE'})-[:ON_BEHALF_OF]->(o)
                WHERE NOT a.id IN later
                RETURN count(DISTINCT o) AS organisations, collect(DISTINCT a) AS circle
              }
              WITH i, joined, by, h, organisations, circle WHERE organisations >= 2
              MERGE (m:Match {householdId: h.id})
              WITH i, joined, by, h, organisations, circle, m, m.id IS NULL AS created
              SET m.id = coalesce(m.id, randomUUID()), m.createdAt = coalesce(m.createdAt, datetime()),
                  m.updatedAt = datetime()
              MERGE (m)-[:ABOUT]->(h)
              FOREACH (a IN circle | MERGE (m)-[:INCLUDES]->(a))
              WITH i, joined, by, h, organisations, m, created, circle
              WHERE NONE(a IN circle WHERE a <> i AND EXISTS { (a)-[:ON_BEHALF_OF]->(joined) })
              UNWIND circle AS a
              MATCH (p:Professional)-[:REGISTERED]->(a)
              WHERE p <> by
              WITH DISTINCT i, joined, by, h, organisations, m, created, p
              CREATE (n:Notification {id: randomUUID(), kind: CASE WHEN created THEN 'MATCH_CREATED' ELSE 'MATCH_GROWN' END,
                      createdAt: datetime(), matchId: m.id, householdId: h.id, involvementId: i.id,
                      organisation: joined.name, professional: by.name, organisationCount: organisations,
                      postcode: h.postcode, houseNumber: h.houseNumber,
                      houseNumberAddition: h.houseNumberAddition})-[:FOR]->(p)
              RETURN {notification: n {.id, .kind, .matchId, .householdId, .involvementId, .organisation, .professional,
                                       .organisationCount,
                                       address: CASE WHEN n.postcode IS NULL THEN null ELSE {postcode: n.postcode,
                                         houseNumber: n.houseNumber, houseNumberAddition: n.houseNumberAddition} END,
                                       createdAt: toString(n.createdAt), read: n.readAt IS NOT NULL},
                      professionalId: p.id, email: p.email} AS value
            }
            RETURN value
            """;

    private static final String MARK_READ =
            """
            MATCH (:Professional {id: $me})<-[:FOR]-(n:Notification) WHERE n.id IN $ids
            SET n.readAt = coalesce(n.readAt, datetime())
            RETURN count(n) AS value
            """;

    private static final String NOW = "RETURN datetime() AS value";

    private static final String SINCE =
            """
            MATCH (n:Notification) WHERE n.createdAt > datetime($since) - $lookBack
            MATCH (n)-[:FOR]->(p:Professional)
            RETURN {notification: n {.id, .kind, .matchId, .householdId, .involvementId, .organisation, .professional,
                                     .organisationCount,
                                     address: CASE WHEN n.postcode IS NULL THEN null ELSE {postcode: n.postcode,
                                       houseNumber: n.houseNumber, houseNumberAddition: n.houseNumberAddition} END,
                                     createdAt: toString(n.createdAt), read: n.readAt IS NOT NULL},
                    professionalId: p.id, email: p.email, at: n.createdAt} AS value
            ORDER BY n.createdAt LIMIT 1000
            """;

    /** A notification as an instance stored it, with the moment it was stamped. */
    record Stored(NotificationPublisher.Delivery delivery, ZonedDateTime at) {}

    private final Neo4jClient client;
    private final GraphQueries queries;

    MatchQueries(Neo4jClient client, GraphQueries queries) {
        this.client = client;
        this.queries = queries;
    }

    /**
     * Locks the household each new involvement concerns, makes or grows its match and notifies its circle, in the
     * order given; the notifications to deliver.
     */
    List<NotificationPublisher.Delivery> match(List<String> involvementIds) {
        return List.copyOf(client.query(MATCH)
                .bindAll(Map.of("involvementIds", involvementIds))
                .fetchAs(NotificationPublisher.Delivery.class)
                .mappedBy((types, row) -> delivery(row.get("value")))
                .all());
    }

    /**
     * One page of a professional's notifications, newest first: sorted on the time left until {@code far}, zero-padded,
     * which {@code cursorOf} must agree with.
     */
    Window<Notification> inbox(
            String professionalId,
            boolean unreadOnly,
            long far,
            ScrollSubrange subrange,
            Function<Notification, Paging.Position> cursorOf) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", professionalId);
        parameters.put("unreadOnly", unreadOnly);
        parameters.put("far", far);
        return queries.page(
                "MATCH (:Professional {id: $me})<-[:FOR]-(n:Notification) WHERE NOT $unreadOnly OR n.readAt IS NULL",
                "right('0000000000000' + toString($far - n.createdAt.epochMillis), 13)",
                "n.id",
                Notification.PROJECTION,
                parameters,
                subrange,
                Notification::from,
                cursorOf);
    }

    /** Marks those of the notifications that are the professional's own read; how many there were. */
    long markRead(String professionalId, List<String> ids) {
        return client.query(MARK_READ)
                .bindAll(Map.of("me", professionalId, "ids", ids))
                .fetchAs(Long.class)
                .mappedBy((types, row) -> row.get("value").asLong())
                .one()
                .orElse(0L);
    }

    /** The database's clock, which stamps the notifications. */
    ZonedDateTime now() {
        return client.query(NOW)
                .fetchAs(ZonedDateTime.class)
                .mappedBy((types, row) -> row.get("value").asZonedDateTime())
                .one()
                .orElseThrow();
    }

    /** The notifications stamped after {@code since} less {@code lookBack}, oldest first, a thousand at most. */
    List<Stored> storedSince(ZonedDateTime since, Duration lookBack) {
        return List.copyOf(client.query(SINCE)
                .bindAll(Map.of("since", since, "lookBack", lookBack))
                .fetchAs(Stored.class)
                .mappedBy((types, row) -> new Stored(
                        delivery(row.get("value")), row.get("value").get("at").asZonedDateTime()))
                .all());
    }

    private static NotificationPublisher.Delivery delivery(MapAccessor value) {
        return new NotificationPublisher.Delivery(
                Notification.from(value.get("notification")),
                value.get("professionalId").asString(),
                value.get("email").asString(null));
    }
}
