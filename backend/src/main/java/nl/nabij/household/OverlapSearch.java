package nl.nabij.household;

import java.util.List;
import nl.nabij.api.Connection;
import nl.nabij.api.PageRequest;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.security.NabijUser;
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

    Connection<Overlap> overlaps(OverlapCriteria criteria, PageRequest request, NabijUser user, String origin) {
        Connection<Overlap> page = queries.overlaps(criteria, request, user);
        List<AuditEntry> entries = page.edges().stream()
                .map(edge -> new AuditEntry(
                        "SEARCH",
                        true,
                        PURPOSE,
                        HouseholdReads.basis(user.role()),
                        edge.node().household().memberPseudonyms()))
                .toList();
        trail.record(user, origin, entries);
        return page;
    }
}
