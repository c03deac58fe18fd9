package nl.nabij.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The {@code Municipality} type: one installation serves one municipality. */
@Controller
class MunicipalityController {

    private final DirectoryQueries queries;

    MunicipalityController(DirectoryQueries queries) {
        this.queries = queries;
    }

    @QueryMapping
    Optional<Municipality> municipality() {
        return queries.municipality();
    }

    @BatchMapping
    Map<Municipality, List<District>> districts(List<Municipality> parents) {
        return queries.districtsOf(parents);
    }
}
