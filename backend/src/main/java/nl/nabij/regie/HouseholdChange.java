package nl.nabij.regie;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.security.HouseholdScope;
import nl.nabij.security.NabijUser;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The start and end of every regie change: the household, if the user may see it, locked for the rest of the
 * transaction; and the audit event naming its members. The lock (a property set and removed again) orders concurrent
 * changes to one household without changing it, so two coordinators can never be assigned at once.
 */
@Component
class HouseholdChange {

    private static final String OPEN =
            """
            MATCH (h:Household {id: $householdId}) WHERE %s
            SET h.changing = true
            REMOVE h.changing
            RETURN [(h)<-[:MEMBER_OF]-(r:Resident) | r.pseudonym] AS value
            """;

    /** Whether a professional is actively involved with the household or one of its members. */
    static final String INVOLVED =
            "EXISTS { MATCH (:Professional {id: %s})-[:REGISTERED]->(:Involvement {status: 'ACTIVE'})-[:CONCERNS]->(t)"
                    + " WHERE t = h OR (t)-[:MEMBER_OF]->(h) }";

    private final Neo4jClient client;
    private final AuditTrail trail;

    HouseholdChange(Neo4jClient client, AuditTrail trail) {
        this.client = client;
        this.trail = trail;
    }

    /** A household opened for a change: its members' pseudonyms, for the audit event. */
    record Opened(String householdId, List<String> subjects) {}

    /** Locks the household when the user may see it; empty when there is none or it lies outside their scope. */
    Optional<Opened> open(NabijUser user, String householdId) {
        if (householdId == null) {
            return Optional.empty();
        }
        return client.query(OPEN.formatted(HouseholdScope.visibleTo(user.role())))
                .bindAll(Map.of("householdId", householdId, "me", user.scopeId()))
                .fetchAs(Opened.class)
                .mappedBy(
                        (types, row) -> new Opened(householdId, row.get("value").asList(v -> v.asString())))
                .one();
    }

    void recorded(NabijUser user, String origin, Opened household, String purpose) {
        trail.append(
                user,
                origin,
                List.of(new AuditEntry(
                        "CHANGE", true, purpose, "regie-" + user.role().name().toLowerCase(), household.subjects())));
    }
}
