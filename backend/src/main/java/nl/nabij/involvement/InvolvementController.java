package nl.nabij.involvement;

import nl.nabij.security.CurrentUser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The involvement mutations of a professional or team lead, for their own registrations. */
@Controller
class InvolvementController {

    private final InvolvementRegistry registry;
    private final CurrentUser currentUser;

    InvolvementController(InvolvementRegistry registry, CurrentUser currentUser) {
        this.registry = registry;
        this.currentUser = currentUser;
    }

    @MutationMapping
    InvolvementRegistry.Payload registerInvolvement(
            @Argument RegisterInvolvementInput input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return registry.register(currentUser.get(), input, origin);
    }

    @MutationMapping
    InvolvementRegistry.Payload endInvolvement(
            @Argument EndInvolvementInput input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return registry.end(currentUser.get(), input, origin);
    }

    @MutationMapping
    InvolvementRegistry.Payload renewInvolvement(
            @Argument RenewInvolvementInput input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return registry.renew(currentUser.get(), input.involvementId(), origin);
    }

    /** The input of {@code renewInvolvement}. */
    record RenewInvolvementInput(String involvementId) {}
}
