package nl.nabij.regie;

import nl.nabij.security.CurrentUser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The regie mutations: coordinator, plan goals and recorded collaboration, for professionals and team leads. */
@Controller
class RegieController {

    private final Coordination coordination;
    private final Plans plans;
    private final Collaborations collaborations;
    private final CurrentUser currentUser;

    RegieController(Coordination coordination, Plans plans, Collaborations collaborations, CurrentUser currentUser) {
        this.coordination = coordination;
        this.plans = plans;
        this.collaborations = collaborations;
        this.currentUser = currentUser;
    }

    /** The input of {@code assignCoordinator} and {@code handOverCoordination}. */
    record CoordinatorInput(String householdId, String professionalId) {}

    /** The input of {@code endCoordination}. */
    record HouseholdInput(String householdId) {}

    @MutationMapping
    Coordination.Payload assignCoordinator(
            @Argument CoordinatorInput input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return coordination.assign(currentUser.get(), input.householdId(), input.professionalId(), origin);
    }

    @MutationMapping
    Coordination.Payload handOverCoordination(
            @Argument CoordinatorInput input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return coordination.handOver(currentUser.get(), input.householdId(), input.professionalId(), origin);
    }

    @MutationMapping
    Coordination.Payload endCoordination(
            @Argument HouseholdInput input, @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return coordination.end(currentUser.get(), input.householdId(), origin);
    }

    @MutationMapping
    Plans.Payload addPlanGoal(
            @Argument Plans.AddInput input, @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return plans.add(currentUser.get(), input, origin);
    }

    @MutationMapping
    Plans.Payload updatePlanGoal(
            @Argument Plans.UpdateInput input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return plans.update(currentUser.get(), input, origin);
    }

    @MutationMapping
    Collaborations.Payload recordCollaboration(
            @Argument Collaborations.Input input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return collaborations.record(currentUser.get(), input, origin);
    }
}
