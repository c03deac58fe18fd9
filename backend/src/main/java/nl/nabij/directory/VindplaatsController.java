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

/** The {@code Vindplaats} type and its queries. */
@Controller
class VindplaatsController {

    private final VindplaatsRepository vindplaatsen;
    private final DirectoryQueries queries;

    VindplaatsController(VindplaatsRepository vindplaatsen, DirectoryQueries queries) {
        this.vindplaatsen = vindplaatsen;
        this.queries = queries;
    }

    @QueryMapping
    Optional<Vindplaats> vindplaats(@Argument String id) {
        return vindplaatsen.findById(Ids.requireUuid("id", id));
    }

    @QueryMapping
    Connection<Vindplaats> vindplaatsen(
            @Argument VindplaatsKind kind,
            @Argument Integer first,
            @Argument String after,
            @Argument Integer last,
            @Argument String before) {
        return queries.vindplaatsen(kind, PageRequest.of(first, after, last, before));
    }

    @BatchMapping
    Map<Vindplaats, Neighbourhood> neighbourhood(List<Vindplaats> parents) {
        return queries.neighbourhoodOf(parents);
    }

    @BatchMapping
    Map<Vindplaats, List<Team>> teamsInContact(List<Vindplaats> parents) {
        return queries.teamsInContactWith(parents);
    }
}
