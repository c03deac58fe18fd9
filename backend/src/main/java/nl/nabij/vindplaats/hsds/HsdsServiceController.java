package nl.nabij.vindplaats.hsds;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The {@code HsdsService} type: the services HSDS imports kept that wait for an administrator to classify them. */
@Controller
class HsdsServiceController {

    private final HsdsQueries queries;

    HsdsServiceController(HsdsQueries queries) {
        this.queries = queries;
    }

    @QueryMapping
    Window<HsdsService> servicesToClassify(ScrollSubrange subrange) {
        return queries.servicesToClassify(subrange);
    }
}
