package nl.nabij.household;

import java.util.List;
import java.util.Optional;
import nl.nabij.audit.AccessLogPage;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditQueries;
import nl.nabij.audit.AuditTrail;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
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
    private final AuditQueries audit;

    HouseholdReads(HouseholdQueries queries, AuditTrail trail, AuditQueries audit) {
        this.queries = queries;
        this.trail = trail;
        this.audit = audit;
    }

    /**
     * The household with this id if the user may see it. One outside their need to know reads as one that does not
     * exist, so the answer tells nobody whether a household or a person is known to Nabij; both are recorded, the one
     * outside as DENIED in its members' access logs, so each path costs one statement and one event.
     */
    Optional<Household> byId(String id, NabijUser user, String origin) {
        return visibleOnly(queries.byId(id, user), "READ", "household-view", user, origin);
    }

    /**
     * As {@link #byId}, with the household's circle read in the same statement; the circle is null for a household
     * the user may not see. The event is recorded after the read, as for every read.
     */
    Optional<HouseholdQueries.Viewed> byIdWithCircle(String id, NabijUser user, String origin) {
        Optional<HouseholdQueries.Viewed> viewed = queries.byIdWithCircle(id, user);
        return visibleOnly(viewed.map(HouseholdQueries.Viewed::found), "READ", "household-view", user, origin)
                .flatMap(household -> viewed);
    }

    /** The household of the resident with this pseudonym if the user may see it, as {@link #byId}. */
    Optional<Household> ofResident(String pseudonym, NabijUser user, String origin) {
        return visibleOnly(queries.ofResident(pseudonym, user), "SEARCH", "household-by-bsn", user, origin);
    }

    private Optional<Household> visibleOnly(
            Optional<HouseholdQueries.Found> found, String action, String purpose, NabijUser user, String origin) {
        trail.record(
                user,
                origin,
                List.of(found.map(household -> entry(action, purpose, household, user))
                        .orElseGet(() -> new AuditEntry(action, false, purpose, "no-match", List.of()))));
        return found.filter(HouseholdQueries.Found::visible).map(HouseholdQueries.Found::household);
    }

    List<Household> atAddress(String postcode, int houseNumber, String addition, NabijUser user, String origin) {
        List<Household> households = queries.atAddress(postcode, houseNumber, addition, user);
        trail.record(user, origin, searched("SEARCH", "household-by-address", households, user));
        return households;
    }

    Window<Household> inNeighbourhood(String code, ScrollSubrange subrange, NabijUser user, String origin) {
        Window<Household> page = queries.inNeighbourhood(code, subrange, user);
        List<Household> households = page.getContent();
        trail.record(user, origin, searched("SEARCH", "households-of-neighbourhood", households, user));
        return page;
    }

    /** The resident's access export: recorded first, so it appears in its own access log. */
    MyData myData(NabijUser user, String origin) {
        HouseholdQueries.Own own = queries.own(user);
        trail.record(
                user,
                origin,
                // The export names every member (the household's member list), so it is in each member's access log.
                List.of(new AuditEntry(
                        "EXPORT",
                        true,
                        "access-export",
                        "own-household",
                        own.household().memberPseudonyms())));
        return new MyData(own.resident(), own.household(), audit.accessesAbout(own.pseudonym()));
    }

    /**
     * A page of the resident's own access log, newest first. Not recorded itself: it shows the trail's own entries
     * about the resident to the resident, and recording every page turn would fill the log they are reading.
     */
    AccessLogPage myAccessLog(NabijUser user, int first, int offset) {
        return audit.accessesPage(queries.own(user).pseudonym(), first, offset);
    }

    private static AuditEntry entry(String action, String purpose, HouseholdQueries.Found found, NabijUser user) {
        return new AuditEntry(
                action,
                found.visible(),
                purpose,
                found.visible() ? basis(user.role()) : "outside-need-to-know",
                found.household().memberPseudonyms());
    }

    /** A search that found nothing the user may see is recorded too, as a refused one: the attempt is the fact. */
    private static List<AuditEntry> searched(
            String action, String purpose, List<Household> households, NabijUser user) {
        if (households.isEmpty()) {
            return List.of(new AuditEntry(action, false, purpose, "no-match", List.of()));
        }
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
