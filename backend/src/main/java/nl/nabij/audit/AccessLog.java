package nl.nabij.audit;

import java.util.List;
import java.util.Map;
import nl.nabij.database.GraphQueries;
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

    private final GraphQueries queries;

    AccessLog(GraphQueries queries) {
        this.queries = queries;
    }

    /** Every recorded access to the data of the resident with this pseudonym, oldest first. */
    public List<AccessRecord> about(String pseudonym) {
        return queries.list(ABOUT, Map.of("subject", pseudonym), AccessRecord::from);
    }
}
