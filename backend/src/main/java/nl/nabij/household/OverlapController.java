package nl.nabij.household;

import nl.nabij.security.CurrentUser;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
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
    private final CurrentUser currentUser;

    OverlapController(OverlapSearch search, CurrentUser currentUser) {
        this.search = search;
        this.currentUser = currentUser;
    }

    @QueryMapping
    Window<Overlap> overlaps(
            @Argument OverlapScope.Input scope,
            @Argument int minimumProfessionals,
            @Argument int minimumOrganisations,
            @Argument boolean withoutCoordinatorOnly,
            ScrollSubrange subrange,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return search.overlaps(
                OverlapCriteria.of(scope, minimumProfessionals, minimumOrganisations, withoutCoordinatorOnly),
                subrange,
                currentUser.get(),
                origin);
    }
}
