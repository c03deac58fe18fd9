package nl.nabij.steering;

import java.time.LocalDate;
import nl.nabij.security.CurrentUser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The steering questions and their types, which arrive whole from their statements. */
@Controller
class SteeringController {

    private final SteeringService steering;
    private final CurrentUser currentUser;

    SteeringController(SteeringService steering, CurrentUser currentUser) {
        this.steering = steering;
        this.currentUser = currentUser;
    }

    @QueryMapping
    Clientism clientism(@Argument String code, @Argument LocalDate from, @Argument LocalDate to) {
        return steering.clientism(new SteeringService.AreaPeriod(code, from, to), currentUser.get());
    }

    @QueryMapping
    ApplicationWaiting applicationWaiting(
            @Argument String code, @Argument LocalDate from, @Argument LocalDate to, @Argument LocalDate asOf) {
        return steering.waiting(new SteeringService.AreaPeriod(code, from, to), asOf, currentUser.get());
    }

    @QueryMapping
    SteeringComparison compareSteering(
            @Argument SteeringService.AreaPeriod first, @Argument SteeringService.AreaPeriod second) {
        return steering.compare(first, second, currentUser.get());
    }
}
