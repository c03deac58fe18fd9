package nl.nabij.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Ids;
import nl.nabij.disclosure.DisclosureControl;
import nl.nabij.disclosure.DisclosurePolicy;
import nl.nabij.security.CurrentUser;
import nl.nabij.security.NabijUser;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The {@code Neighbourhood} type and its queries. */
@Controller
class NeighbourhoodController {

    private final NeighbourhoodRepository neighbourhoods;
    private final DirectoryQueries queries;
    private final CurrentUser currentUser;
    private final DisclosureControl disclosure;
    private final NeighbourhoodCounts counts;

    NeighbourhoodController(
            NeighbourhoodRepository neighbourhoods,
            DirectoryQueries queries,
            CurrentUser currentUser,
            DisclosureControl disclosure,
            NeighbourhoodCounts counts) {
        this.neighbourhoods = neighbourhoods;
        this.counts = counts;
        this.queries = queries;
        this.currentUser = currentUser;
        this.disclosure = disclosure;
    }

    @QueryMapping
    Optional<Neighbourhood> neighbourhood(@Argument String code) {
        return neighbourhoods.findById(Ids.requireCbsCode("code", code, "BU", 8));
    }

    @QueryMapping
    Window<Neighbourhood> neighbourhoods(ScrollSubrange subrange) {
        return queries.neighbourhoods(subrange);
    }

    @BatchMapping
    Map<Neighbourhood, District> district(List<Neighbourhood> parents) {
        return queries.districtOf(parents);
    }

    @BatchMapping
    Map<Neighbourhood, List<Team>> teams(List<Neighbourhood> parents) {
        return queries.teamsServing(parents);
    }

    /**
     * This month's counts, suppressed for every reader; recorded, for the neighbourhoods of the request, when read
     * under control.
     */
    @BatchMapping
    Map<Neighbourhood, NeighbourhoodStatistics> statistics(
            List<Neighbourhood> parents, @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        NabijUser user = currentUser.get();
        DisclosurePolicy policy = disclosure.suppressingForEveryone();
        Map<Neighbourhood, NeighbourhoodStatistics> statistics =
                counts.ofThisMonth(parents, Neighbourhood::code, value -> NeighbourhoodStatistics.from(value, policy));
        disclosure.recordRead(
                user,
                origin,
                "neighbourhoodStatistics",
                "codes",
                String.join(" ", parents.stream().map(Neighbourhood::code).toList()));
        return statistics;
    }
}
