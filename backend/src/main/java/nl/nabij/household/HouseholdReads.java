package nl.nabij.household;

import java.util.List;
import java.util.Optional;
import nl.nabij.api.Connection;
import nl.nabij.api.PageRequest;
import nl.nabij.audit.AccessLog;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import org.springframework.stereotype.Service;

/**
 * Every way to a household: a read transaction, then its audit event in a write transaction of its own, both before
 * the answer leaves. Granted reads name the members' pseudonyms, and a refused one is recorded as DENIED before the
 * caller reports it.
 */
@Service
class HouseholdReads {

    private final HouseholdQueries queries;
    private final AuditTrail trail;
    private final AccessLog accessLog;

    HouseholdReads(HouseholdQueries queries, AuditTrail trail, AccessLog accessLog) {
        this.queries = queries;
        this.trail = trail;
        this.accessLog = accessLog;
    }

    Optional<HouseholdQueries.Found> byId(String id, NabijUser user, String origin) {
        Optional<HouseholdQueries.Found> found = queries.byId(id, user);
        found.ifPresent(
                household -> trail.record(user, origin, List.of(entry("READ", "household-view", household, user))));
        return found;
    }

    Optional<HouseholdQueries.Found> ofResident(String pseudonym, NabijUser user, String origin) {
        Optional<HouseholdQueries.Found> found = queries.ofResident(pseudonym, user);
        found.ifPresent(
                household -> trail.record(user, origin, List.of(entry("SEARCH", "household-by-bsn", household, user))));
        return found;
    }

    List<Household> atAddress(String postcode, int houseNumber, String addition, NabijUser user, String origin) {
        List<Household> households = queries.atAddress(postcode, houseNumber, addition, user);
        trail.record(user, origin, granted("SEARCH", "household-by-address", households, user));
        return households;
    }

    Connection<Household> inNeighbourhood(String code, PageRequest request, NabijUser user, String origin) {
        Connection<Household> page = queries.inNeighbourhood(code, request, user);
        List<Household> households =
                page.edges().stream().map(Connection.Edge::node).toList();
        trail.record(user, origin, granted("SEARCH", "households-of-neighbourhood", households, user));
        return page;
    }

    /** The resident's access export: recorded first, so it appears in its own access log. */
    MyData myData(NabijUser user, String origin) {
        HouseholdQueries.Own own = queries.own(user);
        trail.record(
                user,
                origin,
                List.of(new AuditEntry("EXPORT", true, "access-export", "own-data", List.of(own.pseudonym()))));
        return new MyData(own.resident(), own.household(), accessLog.about(own.pseudonym()));
    }

    private static AuditEntry entry(String action, String purpose, HouseholdQueries.Found found, NabijUser user) {
        return new AuditEntry(
                action,
                found.visible(),
                purpose,
                found.visible() ? basis(user.role()) : "outside-need-to-know",
                found.household().memberPseudonyms());
    }

    private static List<AuditEntry> granted(String action, String purpose, List<Household> households, NabijUser user) {
        return households.stream()
                .map(household ->
                        new AuditEntry(action, true, purpose, basis(user.role()), household.memberPseudonyms()))
                .toList();
    }

    /** The rule that put a household in the user's scope (see {@link HouseholdQueries#visibleTo}). */
    static String basis(Role role) {
        return switch (role) {
            case PROFESSIONAL -> "active-involvement";
            case TEAM_LEAD -> "team-area";
            case RESIDENT -> "own-household";
            default -> "none";
        };
    }
}
