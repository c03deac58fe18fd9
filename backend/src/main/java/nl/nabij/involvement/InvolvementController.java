package nl.nabij.involvement;

import nl.nabij.security.Actor;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The involvement mutations of a professional or team lead, for their own registrations. */
@Controller
class InvolvementController {

    private final InvolvementRegistry registry;
    private final RegistrationWriter registrations;

    InvolvementController(InvolvementRegistry registry, RegistrationWriter registrations) {
        this.registry = registry;
        this.registrations = registrations;
    }

    @MutationMapping
    InvolvementRegistry.Payload registerInvolvement(@Argument RegisterInvolvementInput input, Actor actor) {
        return registrations.register(actor.user(), input, actor.origin());
    }

    @MutationMapping
    InvolvementRegistry.Payload endInvolvement(@Argument EndInvolvementInput input, Actor actor) {
        return registry.end(actor.user(), input, actor.origin());
    }

    @MutationMapping
    InvolvementRegistry.Payload renewInvolvement(@Argument RenewInvolvementInput input, Actor actor) {
        return registry.renew(actor.user(), input.involvementId(), actor.origin());
    }

    /** The input of {@code renewInvolvement}. */
    record RenewInvolvementInput(String involvementId) {}
}
