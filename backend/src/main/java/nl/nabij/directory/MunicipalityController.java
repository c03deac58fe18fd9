package nl.nabij.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.database.GraphQueries;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The {@code Municipality} type: one installation serves one municipality. */
@Controller
class MunicipalityController {

    private static final String DISTRICTS =
            """
            UNWIND $keys AS key
            MATCH (:Municipality {code: key})<-[:PART_OF]-(d:District)
            RETURN key, d AS value ORDER BY d.code
            """;

    private final GraphQueries queries;

    MunicipalityController(GraphQueries queries) {
        this.queries = queries;
    }

    @QueryMapping
    Optional<Municipality> municipality() {
        return queries.single(
                "MATCH (m:Municipality) RETURN m AS value ORDER BY m.code LIMIT 1", Map.of(), Municipality::from);
    }

    @BatchMapping
    Map<Municipality, List<District>> districts(List<Municipality> parents) {
        return queries.many(DISTRICTS, parents, Municipality::code, District::from);
    }
}
