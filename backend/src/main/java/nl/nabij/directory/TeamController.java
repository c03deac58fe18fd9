package nl.nabij.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Ids;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The {@code Team} type and its queries. */
@Controller
class TeamController {

    private final TeamRepository teams;
    private final DirectoryQueries queries;

    TeamController(TeamRepository teams, DirectoryQueries queries) {
        this.teams = teams;
        this.queries = queries;
    }

    @QueryMapping
    Optional<Team> team(@Argument String id) {
        return teams.findById(Ids.requireUuid("id", id));
    }

    @QueryMapping
    Window<Team> teams(ScrollSubrange subrange) {
        return queries.teams(subrange);
    }

    @BatchMapping
    Map<Team, List<Professional>> members(List<Team> parents) {
        return queries.membersOf(parents);
    }

    @BatchMapping
    Map<Team, List<Organisation>> organisations(List<Team> parents) {
        return queries.organisationsOf(parents);
    }

    @BatchMapping
    Map<Team, List<Neighbourhood>> neighbourhoods(List<Team> parents) {
        return queries.neighbourhoodsServedBy(parents);
    }
}
