package nl.nabij.vindplaats;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Ids;
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

    private final VindplaatsRepository vindplaatsen;
    private final VindplaatsQueries queries;

    VindplaatsController(VindplaatsRepository vindplaatsen, VindplaatsQueries queries) {
        this.vindplaatsen = vindplaatsen;
        this.queries = queries;
    }

    @QueryMapping
    Optional<Vindplaats> vindplaats(@Argument String id) {
        return vindplaatsen.findById(Ids.requireUuid("id", id));
    }

    @QueryMapping
    Window<Vindplaats> vindplaatsen(@Argument VindplaatsKind kind, ScrollSubrange subrange) {
        return queries.vindplaatsen(kind, subrange);
    }

    @BatchMapping
    Map<Vindplaats, Neighbourhood> neighbourhood(List<Vindplaats> parents) {
        return queries.neighbourhoodOf(parents);
    }

    @BatchMapping
    Map<Vindplaats, List<Team>> teamsInContact(List<Vindplaats> parents) {
        return queries.teamsInContactWith(parents);
    }

    @BatchMapping(typeName = "Team")
    Map<Team, List<Vindplaats>> vindplaatsContacts(List<Team> teams) {
        return queries.vindplaatsContactsOf(teams);
    }

    @BatchMapping(typeName = "Neighbourhood")
    Map<Neighbourhood, List<Vindplaats>> vindplaatsen(List<Neighbourhood> neighbourhoods) {
        return queries.vindplaatsenIn(neighbourhoods);
    }
}
