package nl.nabij.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Ids;
import nl.nabij.database.GraphQueries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The {@code District} type and its query. */
@Controller
class DistrictController {

    private static final String MUNICIPALITY =
            """
            UNWIND $keys AS key
            MATCH (:District {code: key})-[:PART_OF]->(m:Municipality)
            RETURN key, m AS value
            """;

    private static final String NEIGHBOURHOODS =
            """
            UNWIND $keys AS key
            MATCH (:District {code: key})<-[:PART_OF]-(n:Neighbourhood)
            RETURN key, n AS value ORDER BY n.code
            """;

    private final DistrictRepository districts;
    private final GraphQueries queries;

    DistrictController(DistrictRepository districts, GraphQueries queries) {
        this.districts = districts;
        this.queries = queries;
    }

    @QueryMapping
    Optional<District> district(@Argument String code) {
        return districts.findById(Ids.requireCbsCode("code", code, "WK", 6));
    }

    @BatchMapping
    Map<District, Municipality> municipality(List<District> parents) {
        return queries.one(MUNICIPALITY, parents, District::code, Municipality::from);
    }

    @BatchMapping
    Map<District, List<Neighbourhood>> neighbourhoods(List<District> parents) {
        return queries.many(NEIGHBOURHOODS, parents, District::code, Neighbourhood::from);
    }
}
