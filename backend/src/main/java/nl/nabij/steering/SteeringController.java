package nl.nabij.steering;

import java.time.LocalDate;
import nl.nabij.disclosure.DisclosureControl;
import nl.nabij.security.CurrentUser;
import nl.nabij.security.NabijUser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The steering questions and their types, which arrive whole from their statements. A read under disclosure control
 * is recorded, with the arguments as asked, before the answer leaves.
 */
@Controller
class SteeringController {

    private final SteeringService steering;
    private final CurrentUser currentUser;
    private final DisclosureControl disclosure;

    SteeringController(SteeringService steering, CurrentUser currentUser, DisclosureControl disclosure) {
        this.steering = steering;
        this.currentUser = currentUser;
        this.disclosure = disclosure;
    }

    @QueryMapping
    Clientism clientism(
            @Argument String code,
            @Argument LocalDate from,
            @Argument LocalDate to,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        NabijUser user = currentUser.get();
        Clientism clientism = steering.clientism(new SteeringService.AreaPeriod(code, from, to), user);
        disclosure.recordRead(user, origin, "clientism", "code", code, "from", from, "to", to);
        return clientism;
    }

    @QueryMapping
    ApplicationWaiting applicationWaiting(
            @Argument String code,
            @Argument LocalDate from,
            @Argument LocalDate to,
            @Argument LocalDate asOf,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        NabijUser user = currentUser.get();
        ApplicationWaiting waiting = steering.waiting(new SteeringService.AreaPeriod(code, from, to), asOf, user);
        disclosure.recordRead(user, origin, "applicationWaiting", "code", code, "from", from, "to", to, "asOf", asOf);
        return waiting;
    }

    @QueryMapping
    SteeringComparison compareSteering(
            @Argument SteeringService.AreaPeriod first,
            @Argument SteeringService.AreaPeriod second,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        NabijUser user = currentUser.get();
        SteeringComparison comparison = steering.compare(first, second, user);
        disclosure.recordRead(
                user,
                origin,
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
