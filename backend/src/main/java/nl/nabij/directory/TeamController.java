package nl.nabij.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Ids;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The {@code Team} type and its queries. */
@Controller
class TeamController {

    private static final String MEMBERS =
            """
            UNWIND $keys AS key
            MATCH (:Team {id: key})<-[:SECONDED_TO]-(p:Professional)
            RETURN key, p AS value ORDER BY p.name, p.id
            """;

    private static final String ORGANISATIONS =
            """
            UNWIND $keys AS key
            MATCH (:Team {id: key})<-[:SECONDED_TO]-(:Professional)-[:EMPLOYED_BY]->(o:Organisation)
            WITH DISTINCT key, o
            RETURN key, o AS value ORDER BY o.name, o.id
            """;

    private static final String NEIGHBOURHOODS =
            """
            UNWIND $keys AS key
            MATCH (:Team {id: key})-[:SERVES]->(n:Neighbourhood)
            RETURN key, n AS value ORDER BY n.code
            """;

    private final TeamRepository teams;
    private final GraphQueries queries;

    TeamController(TeamRepository teams, GraphQueries queries) {
        this.teams = teams;
        this.queries = queries;
    }

    @QueryMapping
    Optional<Team> team(@Argument String id) {
        return teams.findById(Ids.requireUuid("id", id));
    }

    @QueryMapping
    Window<Team> teams(ScrollSubrange subrange) {
        return queries.page(
                "MATCH (n:Team)",
                "n.name",
                "n.id",
                "n",
                Map.of(),
                subrange,
                Team::from,
                team -> new Paging.Position(team.name(), team.id()));
    }

    @BatchMapping
    Map<Team, List<Professional>> members(List<Team> parents) {
        return queries.many(MEMBERS, parents, Team::id, Professional::from);
    }

    @BatchMapping
    Map<Team, List<Organisation>> organisations(List<Team> parents) {
        return queries.many(ORGANISATIONS, parents, Team::id, Organisation::from);
    }

    @BatchMapping
    Map<Team, List<Neighbourhood>> neighbourhoods(List<Team> parents) {
        return queries.many(NEIGHBOURHOODS, parents, Team::id, Neighbourhood::from);
    }
}
