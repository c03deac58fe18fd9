package nl.nabij.match;

import java.util.List;
import java.util.Map;
import nl.nabij.involvement.InvolvementRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes or grows the match of the household a new involvement concerns, in the registering transaction. It first
 * locks the household: registrations for one household then follow each other, and each sees the involvements the
 * ones before it committed. Without that, twenty organisations registering at once would each see only themselves.
 */
@Component
class Matcher {

    private static final String LOCK_HOUSEHOLD =
            """
            MATCH (:Involvement {id: $involvementId})-[:CONCERNS]->(t)-[:MEMBER_OF*0..1]->(h:Household)
            SET h.lastInvolvementAt = datetime()
            RETURN h.id AS value
            """;

    /**
     * The circle is every active involvement with the household or a member. With two or more organisations in it the
     * household has a match, holding the whole circle. When the registering organisation is new to the circle (it had
     * no other active involvement there), each other professional in the circle gets one notification naming the
     * household's address; the registrant is not told of their own registration, and a colleague of an organisation
     * already involved is no news.
     */
    private static final String MATCH =
            """
            MATCH (i:Involvement {id: $involvementId})-[:ON_BEHALF_OF]->(joined:Organisation),
                  (by:Professional)-[:REGISTERED]->(i)
            MATCH (h:Household {id: $householdId})
            CALL (h) {
              MATCH (h)<-[:MEMBER_OF*0..1]-(x)<-[:CONCERNS]-(a:Involvement {status: 'ACTIVE'})-[:ON_BEHALF_OF]->(o)
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
            RETURN {notification: %s, professionalId: p.id, email: p.email} AS value
            """
                    .formatted(Notification.PROJECTION);

    private final Neo4jClient client;
    private final NotificationPublisher publisher;

    Matcher(Neo4jClient client, NotificationPublisher publisher) {
        this.client = client;
        this.publisher = publisher;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void match(InvolvementRegistered registered) {
        String householdId = client.query(LOCK_HOUSEHOLD)
                .bindAll(Map.of("involvementId", registered.involvementId()))
                .fetchAs(String.class)
                .mappedBy((types, row) -> row.get("value").asString())
                .one()
                .orElseThrow(() -> new IllegalStateException("a new involvement concerns no household"));
        List<NotificationPublisher.Delivery> deliveries = List.copyOf(client.query(MATCH)
                .bindAll(Map.of("involvementId", registered.involvementId(), "householdId", householdId))
                .fetchAs(NotificationPublisher.Delivery.class)
                .mappedBy((types, row) -> new NotificationPublisher.Delivery(
                        Notification.from(row.get("value").get("notification")),
                        row.get("value").get("professionalId").asString(),
                        row.get("value").get("email").asString(null)))
                .all());
        publisher.afterCommit(deliveries);
    }
}
