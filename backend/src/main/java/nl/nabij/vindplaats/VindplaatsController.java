package nl.nabij.vindplaats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Ids;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import nl.nabij.directory.Neighbourhood;
import nl.nabij.directory.Team;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/**
 * The {@code Vindplaats} type and its queries, and the vindplaatsen of a team ({@code Team.vindplaatsContacts}) and of a
 * neighbourhood ({@code Neighbourhood.vindplaatsen}): the vindplaats feature resolves every field that lists its places.
 */
@Controller
class VindplaatsController {

    private static final String NEIGHBOURHOOD =
            """
            UNWIND $keys AS key
            MATCH (:Vindplaats {id: key})-[:LOCATED_IN]->(n:Neighbourhood)
            RETURN key, n AS value
            """;

    private static final String TEAMS_IN_CONTACT =
            """
            UNWIND $keys AS key
            MATCH (:Vindplaats {id: key})<-[:IN_CONTACT_WITH]-(t:Team)
            RETURN key, t AS value ORDER BY t.name, t.id
            """;

    private static final String OF_TEAMS =
            """
            UNWIND $keys AS key
            MATCH (:Team {id: key})-[:IN_CONTACT_WITH]->(v:Vindplaats)
            RETURN key, v AS value ORDER BY v.name, v.id
            """;

    private static final String IN_NEIGHBOURHOODS =
            """
            UNWIND $keys AS key
            MATCH (:Neighbourhood {code: key})<-[:LOCATED_IN]-(v:Vindplaats)
            RETURN key, v AS value ORDER BY v.name, v.id
            """;

    private final VindplaatsRepository vindplaatsen;
    private final GraphQueries queries;

    VindplaatsController(VindplaatsRepository vindplaatsen, GraphQueries queries) {
        this.vindplaatsen = vindplaatsen;
        this.queries = queries;
    }

    @QueryMapping
    Optional<Vindplaats> vindplaats(@Argument String id) {
        return vindplaatsen.findById(Ids.requireUuid("id", id));
    }

    @QueryMapping
    Window<Vindplaats> vindplaatsen(@Argument VindplaatsKind kind, ScrollSubrange subrange) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("kind", kind == null ? null : kind.name());
        return queries.page(
                "MATCH (n:Vindplaats) WHERE $kind IS NULL OR n.kind = $kind",
                "n.name",
                "n.id",
                "n",
                parameters,
                subrange,
                Vindplaats::from,
                vindplaats -> new Paging.Position(vindplaats.name(), vindplaats.id()));
    }

    @BatchMapping
    Map<Vindplaats, Neighbourhood> neighbourhood(List<Vindplaats> parents) {
        return queries.one(NEIGHBOURHOOD, parents, Vindplaats::id, Neighbourhood::from);
    }

    @BatchMapping
    Map<Vindplaats, List<Team>> teamsInContact(List<Vindplaats> parents) {
        return queries.many(TEAMS_IN_CONTACT, parents, Vindplaats::id, Team::from);
    }

    @BatchMapping(typeName = "Team")
    Map<Team, List<Vindplaats>> vindplaatsContacts(List<Team> teams) {
        return queries.many(OF_TEAMS, teams, Team::id, Vindplaats::from);
    }

    @BatchMapping(typeName = "Neighbourhood")
    Map<Neighbourhood, List<Vindplaats>> vindplaatsen(List<Neighbourhood> neighbourhoods) {
        return queries.many(IN_NEIGHBOURHOODS, neighbourhoods, Neighbourhood::code, Vindplaats::from);
    }
}
