package nl.nabij.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Connection;
import nl.nabij.api.Ids;
import nl.nabij.api.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
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
    Connection<Team> teams(
            @Argument Integer first, @Argument String after, @Argument Integer last, @Argument String before) {
        return queries.teams(PageRequest.of(first, after, last, before));
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

    @BatchMapping
    Map<Team, List<Vindplaats>> vindplaatsContacts(List<Team> parents) {
        return queries.vindplaatsContactsOf(parents);
    }
}
