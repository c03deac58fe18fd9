package nl.nabij.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Ids;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The {@code District} type and its query. */
@Controller
class DistrictController {

    private final DistrictRepository districts;
    private final DirectoryQueries queries;

    DistrictController(DistrictRepository districts, DirectoryQueries queries) {
        this.districts = districts;
        this.queries = queries;
    }

    @QueryMapping
    Optional<District> district(@Argument String code) {
        return districts.findById(Ids.requireCbsCode("code", code, "WK", 6));
    }

    @BatchMapping
    Map<District, Municipality> municipality(List<District> parents) {
        return queries.municipalityOf(parents);
    }

    @BatchMapping
    Map<District, List<Neighbourhood>> neighbourhoods(List<District> parents) {
        return queries.neighbourhoodsOf(parents);
    }
}
