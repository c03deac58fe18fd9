package nl.nabij.regie;

import nl.nabij.security.Actor;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The regie mutations: coordinator, plan goals and recorded collaboration, for professionals and team leads. */
@Controller
class RegieController {

    private final Coordination coordination;
    private final Plans plans;
    private final Collaborations collaborations;

    RegieController(Coordination coordination, Plans plans, Collaborations collaborations) {
        this.coordination = coordination;
        this.plans = plans;
        this.collaborations = collaborations;
    }

    /** The input of {@code assignCoordinator} and {@code handOverCoordination}. */
    record CoordinatorInput(String householdId, String professionalId) {}

    /** The input of {@code endCoordination}. */
    record HouseholdInput(String householdId) {}

    @MutationMapping
    Coordination.Payload assignCoordinator(@Argument CoordinatorInput input, Actor actor) {
        return coordination.assign(actor.user(), input.householdId(), input.professionalId(), actor.origin());
    }

    @MutationMapping
    Coordination.Payload handOverCoordination(@Argument CoordinatorInput input, Actor actor) {
        return coordination.handOver(actor.user(), input.householdId(), input.professionalId(), actor.origin());
    }

    @MutationMapping
    Coordination.Payload endCoordination(@Argument HouseholdInput input, Actor actor) {
        return coordination.end(actor.user(), input.householdId(), actor.origin());
    }

    @MutationMapping
    Plans.Payload addPlanGoal(@Argument Plans.AddInput input, Actor actor) {
        return plans.add(actor.user(), input, actor.origin());
    }

    @MutationMapping
    Plans.Payload updatePlanGoal(@Argument Plans.UpdateInput input, Actor actor) {
        return plans.update(actor.user(), input, actor.origin());
    }

    @MutationMapping
    Collaborations.Payload recordCollaboration(@Argument Collaborations.Input input, Actor actor) {
        return collaborations.record(actor.user(), input, actor.origin());
    }
}
