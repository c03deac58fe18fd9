package nl.nabij.network;

import java.time.LocalDate;
import nl.nabij.disclosure.DisclosureControl;
import nl.nabij.security.CurrentUser;
import nl.nabij.security.NabijUser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code Network} type and the network questions. A read under disclosure control is recorded, with the
 * arguments as asked, before the answer leaves.
 */
@Controller
class NetworkController {

    private final NetworkService networks;
    private final CurrentUser currentUser;
    private final DisclosureControl disclosure;

    NetworkController(NetworkService networks, CurrentUser currentUser, DisclosureControl disclosure) {
        this.networks = networks;
        this.currentUser = currentUser;
        this.disclosure = disclosure;
    }

    @QueryMapping
    Network neighbourhoodNetwork(
            @Argument String code,
            @Argument LocalDate asOf,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        NabijUser user = currentUser.get();
        Network network = networks.network(code, asOf, user);
        disclosure.recordRead(user, origin, "neighbourhoodNetwork", "code", code, "asOf", asOf);
        return network;
    }

    @QueryMapping
    MissingLinks missingLinks(
            @Argument String code,
            @Argument LocalDate asOf,
            @Argument int minimumSharedHouseholds,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        NabijUser user = currentUser.get();
        MissingLinks missing = networks.missingLinks(code, asOf, minimumSharedHouseholds, user);
        disclosure.recordRead(
                user,
                origin,
                "missingLinks",
                "code",
                code,
                "asOf",
                asOf,
                "minimumSharedHouseholds",
                minimumSharedHouseholds);
        return missing;
    }

    @QueryMapping
    NetworkComparison compareNetworks(
            @Argument AreaOnDay first,
            @Argument AreaOnDay second,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        NabijUser user = currentUser.get();
        NetworkComparison comparison = networks.compare(first.code(), first.asOf(), second.code(), second.asOf(), user);
        disclosure.recordRead(
                user,
                origin,
                "compareNetworks",
                "first.code",
                first.code(),
                "first.asOf",
                first.asOf(),
                "second.code",
                second.code(),
                "second.asOf",
                second.asOf());
        return comparison;
    }

    /** One side of a comparison. */
    record AreaOnDay(String code, LocalDate asOf) {}
}
