package nl.nabij.network;

import java.time.LocalDate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The {@code Network} type and the network questions. */
@Controller
class NetworkController {

    private final NetworkService networks;

    NetworkController(NetworkService networks) {
        this.networks = networks;
    }

    @QueryMapping
    Network neighbourhoodNetwork(@Argument String code, @Argument LocalDate asOf) {
        return networks.network(code, asOf);
    }

    @QueryMapping
    MissingLinks missingLinks(@Argument String code, @Argument LocalDate asOf, @Argument int minimumSharedHouseholds) {
        return networks.missingLinks(code, asOf, minimumSharedHouseholds);
    }

    @QueryMapping
    NetworkComparison compareNetworks(@Argument AreaOnDay first, @Argument AreaOnDay second) {
        return networks.compare(first.code(), first.asOf(), second.code(), second.asOf());
    }

    /** One side of a comparison. */
    record AreaOnDay(String code, LocalDate asOf) {}
}
