package nl.nabij.household;

import java.util.List;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.security.NabijUser;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;

/** An overlap search names households, so it is a SEARCH of personal data, recorded before it is answered. */
@Service
class OverlapSearch {

    static final String PURPOSE = "overlaps";

    private final OverlapQueries queries;
    private final AuditTrail trail;

    OverlapSearch(OverlapQueries queries, AuditTrail trail) {
        this.queries = queries;
        this.trail = trail;
    }

    Window<Overlap> overlaps(OverlapCriteria criteria, ScrollSubrange subrange, NabijUser user, String origin) {
        Window<Overlap> page = queries.overlaps(criteria, subrange, user);
        List<AuditEntry> entries = page.stream()
                .map(overlap -> new AuditEntry(
                        "SEARCH",
                        true,
                        PURPOSE,
                        HouseholdReads.basis(user.role()),
                        overlap.household().memberPseudonyms()))
                .toList();
        trail.record(user, origin, entries);
        return page;
    }
}
