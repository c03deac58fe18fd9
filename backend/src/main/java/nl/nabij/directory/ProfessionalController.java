package nl.nabij.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Ids;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The {@code Professional} type and its queries. */
@Controller
class ProfessionalController {

    private final ProfessionalRepository professionals;
    private final DirectoryQueries queries;

    ProfessionalController(ProfessionalRepository professionals, DirectoryQueries queries) {
        this.professionals = professionals;
        this.queries = queries;
    }

    @QueryMapping
    Optional<Professional> professional(@Argument String id) {
        return professionals.findById(Ids.requireUuid("id", id));
    }

    @QueryMapping
    Window<Professional> professionals(ScrollSubrange subrange) {
        return queries.professionals(subrange);
    }

    @BatchMapping
    Map<Professional, Organisation> organisation(List<Professional> parents) {
        return queries.organisationOf(parents);
    }

    @BatchMapping
    Map<Professional, List<Team>> teams(List<Professional> parents) {
        return queries.teamsOfProfessionals(parents);
    }

    @BatchMapping
    Map<Professional, List<Professional>> collaborators(List<Professional> parents) {
        return queries.collaboratorsOf(parents);
    }
}
