package nl.nabij.audit;

import java.util.List;
import java.util.Map;
import nl.nabij.api.InvalidArgumentException;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/** The accesses to one resident's data, for the resident's own export. */
@Component
public class AccessLog {

    private static final String ABOUT =
            """
            MATCH (:AuditSubject {pseudonym: $subject})<-[:ABOUT]-(e:AuditEvent)
            OPTIONAL MATCH (p:Professional {id: e.actorReference})
            OPTIONAL MATCH (o:Organisation {id: e.organisation})
            RETURN e {.at, .action, .outcome, .role, .purpose, who: coalesce(p.name, e.role), account: e.username,
                      organisation: o.name}
                   AS value
            ORDER BY e.at, e.id
            """;

    private static final String PAGE =
            """
            MATCH (:AuditSubject {pseudonym: $subject})<-[:ABOUT]-(e:AuditEvent)
            WITH e ORDER BY e.at DESC, e.id DESC SKIP $offset LIMIT $first
            OPTIONAL MATCH (p:Professional {id: e.actorReference})
            OPTIONAL MATCH (o:Organisation {id: e.organisation})
            RETURN e {.at, .action, .outcome, .role, .purpose, who: coalesce(p.name, e.role), account: e.username,
                      organisation: o.name}
                   AS value
            ORDER BY e.at DESC, e.id DESC
            """;

    private static final String COUNT =
            """
            MATCH (:AuditSubject {pseudonym: $subject})<-[:ABOUT]-(e:AuditEvent)
            RETURN count(e) AS value
            """;

    private final GraphQueries queries;

    AccessLog(GraphQueries queries) {
        this.queries = queries;
    }

    /** Every recorded access to the data of the resident with this pseudonym, oldest first. */
    public List<AccessRecord> about(String pseudonym) {
        return queries.list(ABOUT, Map.of("subject", pseudonym), AccessRecord::from);
    }

    /**
     * One page of the accesses to the data of the resident with this pseudonym, newest first, with how many there are
     * in all, so the resident can page through a long log by number.
     *
     * @param first how many a page holds, 1 to {@value Paging#MAXIMUM}
     * @param offset how many newer ones come before the page, 0 or more
     */
    public AccessLogPage page(String pseudonym, int first, int offset) {
        if (first < 1 || first > Paging.MAXIMUM) {
            throw new InvalidArgumentException(
                    "first", "PAGE_SIZE_OUT_OF_RANGE", "first must be between 1 and " + Paging.MAXIMUM);
        }
        if (offset < 0) {
            throw new InvalidArgumentException("offset", "NEGATIVE_OFFSET", "offset must be 0 or more");
        }
        int total = queries.single(COUNT, Map.of("subject", pseudonym), value -> ((Value) value).asInt())
                .orElse(0);
        List<AccessRecord> records =
                queries.list(PAGE, Map.of("subject", pseudonym, "first", first, "offset", offset), AccessRecord::from);
        return new AccessLogPage(total, offset, records);
    }
}
