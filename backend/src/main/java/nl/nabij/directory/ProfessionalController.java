package nl.nabij.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Ids;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The {@code Professional} type and its queries. */
@Controller
class ProfessionalController {

    private static final String ORGANISATION =
            """
            UNWIND $keys AS key
            MATCH (:Professional {id: key})-[:EMPLOYED_BY]->(o:Organisation)
            RETURN key, o AS value
            """;

    private static final String TEAMS =
            """
            UNWIND $keys AS key
            MATCH (:Professional {id: key})-[:SECONDED_TO]->(t:Team)
            RETURN key, t AS value ORDER BY t.name, t.id
            """;

    private static final String COLLABORATORS =
            """
            UNWIND $keys AS key
            MATCH (:Professional {id: key})-[:COLLABORATES_WITH]-(other:Professional)
            WITH DISTINCT key, other
            RETURN key, other AS value ORDER BY other.name, other.id
            """;

    private final ProfessionalRepository professionals;
    private final GraphQueries queries;

    ProfessionalController(ProfessionalRepository professionals, GraphQueries queries) {
        this.professionals = professionals;
        this.queries = queries;
    }

    @QueryMapping
    Optional<Professional> professional(@Argument String id) {
        return professionals.findById(Ids.requireUuid("id", id));
    }

    @QueryMapping
    Window<Professional> professionals(ScrollSubrange subrange) {
        return queries.page(
                "MATCH (n:Professional)",
                "n.name",
                "n.id",
                "n",
                Map.of(),
                subrange,
                Professional::from,
                professional -> new Paging.Position(professional.name(), professional.id()));
    }

    @BatchMapping
    Map<Professional, Organisation> organisation(List<Professional> parents) {
        return queries.one(ORGANISATION, parents, Professional::id, Organisation::from);
    }

    @BatchMapping
    Map<Professional, List<Team>> teams(List<Professional> parents) {
        return queries.many(TEAMS, parents, Professional::id, Team::from);
    }

    @BatchMapping
    Map<Professional, List<Professional>> collaborators(List<Professional> parents) {
        return queries.many(COLLABORATORS, parents, Professional::id, Professional::from);
    }
}
