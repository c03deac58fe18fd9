package nl.nabij.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Ids;
import nl.nabij.security.Actor;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The {@code Organisation} type, its queries and the administrator's mutations. */
@Controller
class OrganisationController {

    private final OrganisationRepository organisations;
    private final DirectoryQueries queries;
    private final OrganisationAdministration administration;

    OrganisationController(
            OrganisationRepository organisations, DirectoryQueries queries, OrganisationAdministration administration) {
        this.organisations = organisations;
        this.queries = queries;
        this.administration = administration;
    }

    @QueryMapping
    Optional<Organisation> organisation(@Argument String id) {
        return organisations.findById(Ids.requireUuid("id", id));
    }

    @QueryMapping
    Window<Organisation> organisations(ScrollSubrange subrange) {
        return queries.organisations(subrange);
    }

    @MutationMapping
    OrganisationAdministration.Payload createOrganisation(
            @Argument OrganisationAdministration.CreateInput input, Actor actor) {
        return administration.create(actor.user(), input, actor.origin());
    }

    @MutationMapping
    OrganisationAdministration.Payload updateOrganisation(
            @Argument OrganisationAdministration.UpdateInput input, Actor actor) {
        return administration.update(actor.user(), input, actor.origin());
    }

    @BatchMapping
    Map<Organisation, List<Professional>> professionals(List<Organisation> parents) {
        return queries.professionalsOf(parents);
    }

    @BatchMapping
    Map<Organisation, List<Team>> teams(List<Organisation> parents) {
        return queries.teamsOf(parents);
    }
}
