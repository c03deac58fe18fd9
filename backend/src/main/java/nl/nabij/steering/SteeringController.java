package nl.nabij.steering;

import java.time.LocalDate;
import nl.nabij.disclosure.DisclosureControl;
import nl.nabij.security.Actor;
import nl.nabij.security.NabijUser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The steering questions and their types, which arrive whole from their statements. A read under disclosure control
 * is recorded, with the arguments as asked, before the answer leaves.
 */
@Controller
class SteeringController {

    private final SteeringService steering;
    private final DisclosureControl disclosure;

    SteeringController(SteeringService steering, DisclosureControl disclosure) {
        this.steering = steering;
        this.disclosure = disclosure;
    }

    @QueryMapping
    Clientism clientism(@Argument String code, @Argument LocalDate from, @Argument LocalDate to, Actor actor) {
        NabijUser user = actor.user();
        Clientism clientism = steering.clientism(new SteeringService.AreaPeriod(code, from, to), user);
        disclosure.recordRead(user, actor.origin(), "clientism", "code", code, "from", from, "to", to);
        return clientism;
    }

    @QueryMapping
    ApplicationWaiting applicationWaiting(
            @Argument String code,
            @Argument LocalDate from,
            @Argument LocalDate to,
            @Argument LocalDate asOf,
            Actor actor) {
        NabijUser user = actor.user();
        ApplicationWaiting waiting = steering.waiting(new SteeringService.AreaPeriod(code, from, to), asOf, user);
        disclosure.recordRead(
                user, actor.origin(), "applicationWaiting", "code", code, "from", from, "to", to, "asOf", asOf);
        return waiting;
    }

    @QueryMapping
    SteeringComparison compareSteering(
            @Argument SteeringService.AreaPeriod first, @Argument SteeringService.AreaPeriod second, Actor actor) {
        NabijUser user = actor.user();
        SteeringComparison comparison = steering.compare(first, second, user);
        disclosure.recordRead(
                user,
                actor.origin(),
                "compareSteering",
                "first.code",
                first.code(),
                "first.from",
                first.from(),
                "first.to",
                first.to(),
                "second.code",
                second.code(),
                "second.from",
                second.from(),
                "second.to",
                second.to());
        return comparison;
    }
}
