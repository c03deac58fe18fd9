package nl.nabij.household;

import nl.nabij.api.Connection;
import nl.nabij.api.PageRequest;
import nl.nabij.security.Actor;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code overlaps} query and the {@code Overlap} type. An overlap arrives whole from its one statement; only its
 * household's circle, when selected, comes from {@code Household}'s own batched loader.
 */
@Controller
class OverlapController {

    private final OverlapSearch search;

    OverlapController(OverlapSearch search) {
        this.search = search;
    }

    @QueryMapping
    Connection<Overlap> overlaps(
            @Argument OverlapScope.Input scope,
            @Argument int minimumProfessionals,
            @Argument int minimumOrganisations,
            @Argument boolean withoutCoordinatorOnly,
            @Argument Integer first,
            @Argument String after,
            Actor actor) {
        return search.overlaps(
                OverlapCriteria.of(scope, minimumProfessionals, minimumOrganisations, withoutCoordinatorOnly),
                PageRequest.of(first, after, null, null),
                actor.user(),
                actor.origin());
    }
}
