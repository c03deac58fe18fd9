package nl.nabij.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Ids;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import nl.nabij.security.CurrentUser;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The {@code Organisation} type, its queries and the administrator's mutations. */
@Controller
class OrganisationController {

    private static final String PROFESSIONALS =
            """
            UNWIND $keys AS key
            MATCH (:Organisation {id: key})<-[:EMPLOYED_BY]-(p:Professional)
            RETURN key, p AS value ORDER BY p.name, p.id
            """;

    private static final String TEAMS =
            """
            UNWIND $keys AS key
            MATCH (:Organisation {id: key})<-[:EMPLOYED_BY]-(:Professional)-[:SECONDED_TO]->(t:Team)
            WITH DISTINCT key, t
            RETURN key, t AS value ORDER BY t.name, t.id
            """;

    private final OrganisationRepository organisations;
    private final GraphQueries queries;
    private final OrganisationAdministration administration;
    private final CurrentUser currentUser;

    OrganisationController(
            OrganisationRepository organisations,
            GraphQueries queries,
            OrganisationAdministration administration,
            CurrentUser currentUser) {
        this.organisations = organisations;
        this.queries = queries;
        this.administration = administration;
        this.currentUser = currentUser;
    }

    @QueryMapping
    Optional<Organisation> organisation(@Argument String id) {
        return organisations.findById(Ids.requireUuid("id", id));
    }

    @QueryMapping
    Window<Organisation> organisations(ScrollSubrange subrange) {
        return queries.page(
                "MATCH (n:Organisation)",
                "n.name",
                "n.id",
                "n",
                Map.of(),
                subrange,
                Organisation::from,
                organisation -> new Paging.Position(organisation.name(), organisation.id()));
    }

    @MutationMapping
    OrganisationAdministration.Payload createOrganisation(
            @Argument OrganisationAdministration.CreateInput input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return administration.create(currentUser.get(), input, origin);
    }

    @MutationMapping
    OrganisationAdministration.Payload updateOrganisation(
            @Argument OrganisationAdministration.UpdateInput input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return administration.update(currentUser.get(), input, origin);
    }

    @BatchMapping
    Map<Organisation, List<Professional>> professionals(List<Organisation> parents) {
        return queries.many(PROFESSIONALS, parents, Organisation::id, Professional::from);
    }

    @BatchMapping
    Map<Organisation, List<Team>> teams(List<Organisation> parents) {
        return queries.many(TEAMS, parents, Organisation::id, Team::from);
    }
}
