package nl.nabij.regie;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * changes to one household without changing it, so two coordinators can never be assigned at once. The professionals
 * a change will link to are locked before the household, in the order of their ids: the order registering an
 * involvement takes too (the professional, then the household), so regie changes and registrations do not deadlock.
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

    private static final String LOCK_PROFESSIONALS =
            """
            MATCH (p:Professional) WHERE p.id IN $professionals
            WITH p ORDER BY p.id
            SET p.changing = true
            REMOVE p.changing
            """;

    private final Neo4jClient client;
    private final AuditTrail trail;

    HouseholdChange(Neo4jClient client, AuditTrail trail) {
        this.client = client;
        this.trail = trail;
    }

    /** A household opened for a change: its members' pseudonyms, for the audit event. */
    record Opened(String householdId, List<String> subjects) {}

    /**
     * Locks the professionals the change will link to, then the household when the user may see it; empty when there
     * is none or it lies outside their scope.
     */
    Optional<Opened> open(NabijUser user, String householdId, String... professionals) {
        if (householdId == null) {
            return Optional.empty();
        }
        List<String> linked =
                Arrays.stream(professionals).filter(Objects::nonNull).toList();
        if (!linked.isEmpty()) {
            client.query(LOCK_PROFESSIONALS).bind(linked).to("professionals").run();
        }
        return client.query(OPEN.formatted(HouseholdScope.visibleTo(user.role())))
                .bindAll(Map.of("householdId", householdId, "me", user.scopeId()))
                .fetchAs(Opened.class)
                .mappedBy(
                        (types, row) -> new Opened(householdId, row.get("value").asList(v -> v.asString())))
                .one();
    }

    void recorded(NabijUser user, String origin, Opened household, String purpose) {
        audit(user, origin, household, "CHANGE", purpose);
    }

    /** A retry that found what its first call made: it reads, and is recorded as a read. */
    void replayed(NabijUser user, String origin, Opened household, String purpose) {
        audit(user, origin, household, "READ", purpose);
    }

    private void audit(NabijUser user, String origin, Opened household, String action, String purpose) {
        trail.append(
                user,
                origin,
                List.of(new AuditEntry(
                        action, true, purpose, "regie-" + user.role().name().toLowerCase(), household.subjects())));
    }
}
