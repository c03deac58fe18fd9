package nl.nabij.network;

import java.time.LocalDate;
import nl.nabij.disclosure.DisclosureControl;
import nl.nabij.security.Actor;
import nl.nabij.security.NabijUser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code Network} type and the network questions. A read under disclosure control is recorded, with the
 * arguments as asked, before the answer leaves.
 */
@Controller
class NetworkController {

    private final NetworkService networks;
    private final DisclosureControl disclosure;

    NetworkController(NetworkService networks, DisclosureControl disclosure) {
        this.networks = networks;
        this.disclosure = disclosure;
    }

    @QueryMapping
    Network neighbourhoodNetwork(@Argument String code, @Argument LocalDate asOf, Actor actor) {
        NabijUser user = actor.user();
        Network network = networks.network(code, asOf, user);
        disclosure.recordRead(user, actor.origin(), "neighbourhoodNetwork", "code", code, "asOf", asOf);
        return network;
    }

    @QueryMapping
    MissingLinks missingLinks(
            @Argument String code, @Argument LocalDate asOf, @Argument int minimumSharedHouseholds, Actor actor) {
        NabijUser user = actor.user();
        MissingLinks missing = networks.missingLinks(code, asOf, minimumSharedHouseholds, user);
        disclosure.recordRead(
                user,
                actor.origin(),
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
    NetworkComparison compareNetworks(@Argument AreaOnDay first, @Argument AreaOnDay second, Actor actor) {
        NabijUser user = actor.user();
        NetworkComparison comparison = networks.compare(first.code(), first.asOf(), second.code(), second.asOf(), user);
        disclosure.recordRead(
                user,
                actor.origin(),
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
