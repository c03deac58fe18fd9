package nl.nabij.household;

import nl.nabij.security.Actor;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
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
    Window<Overlap> overlaps(
            @Argument OverlapScope.Input scope,
            @Argument int minimumProfessionals,
            @Argument int minimumOrganisations,
            @Argument boolean withoutCoordinatorOnly,
            ScrollSubrange subrange,
            Actor actor) {
        return search.overlaps(
                OverlapCriteria.of(scope, minimumProfessionals, minimumOrganisations, withoutCoordinatorOnly),
                subrange,
                actor.user(),
                actor.origin());
    }
}
