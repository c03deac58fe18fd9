package nl.nabij.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.nabij.database.GraphQueries;
import org.springframework.stereotype.Component;

/** Reading consents back: per household for those involved, per resident for the resident's own export. */
@Component
public class ConsentQueries {

    private static final String OF_HOUSEHOLDS =
            """
            UNWIND $keys AS key
            MATCH (:Household {id: key})<-[m:MEMBER_OF]-(r:Resident)<-[:GIVEN_BY]-(c:Consent)
            RETURN key, c {.id, .purpose, .until, .withdrawnAt,
                           professional: head([(c)-[:TO]->(p:Professional) | p {.id, .name, .discipline}]),
                           organisation: head([(c)-[:TO]->(o:Organisation) | o {.id, .name, .kind, .careLine}]),
                           givenBy: r {.id, .displayName, .birthYear, role: m.role}} AS value ORDER BY c.grantedAt, c.id
            """;

    private static final String OF_RESIDENT =
            """
            MATCH (r:Resident {id: $resident})-[m:MEMBER_OF]->(:Household)
            MATCH (r)<-[:GIVEN_BY]-(c:Consent)
            RETURN c {.id, .purpose, .until, .withdrawnAt,
                      professional: head([(c)-[:TO]->(p:Professional) | p {.id, .name, .discipline}]),
                      organisation: head([(c)-[:TO]->(o:Organisation) | o {.id, .name, .kind, .careLine}]),
                      givenBy: r {.id, .displayName, .birthYear, role: m.role}} AS value ORDER BY c.grantedAt, c.id
            """;

    private final GraphQueries queries;
    private final Clock clock;

    ConsentQueries(GraphQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** The consents given by the members of each household. */
    public <P> Map<P, List<Consent>> ofHouseholds(Collection<P> households, Function<P, String> idOf) {
        LocalDate today = LocalDate.now(clock);
        return queries.many(OF_HOUSEHOLDS, households, idOf, value -> Consent.from(value, today));
    }

    /** The consents a resident has given. */
    public List<Consent> ofResident(String residentId) {
        LocalDate today = LocalDate.now(clock);
        return queries.list(OF_RESIDENT, Map.of("resident", residentId), value -> Consent.from(value, today));
    }
}
