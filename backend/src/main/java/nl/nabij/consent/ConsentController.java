package nl.nabij.consent;

import nl.nabij.security.Actor;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The consent mutations of a signed-in resident. */
@Controller
class ConsentController {

    private final ConsentService consents;

    ConsentController(ConsentService consents) {
        this.consents = consents;
    }

    @MutationMapping
    ConsentService.Payload grantConsent(@Argument GrantConsentInput input, Actor actor) {
        return consents.grant(actor.user(), input, actor.origin());
    }

    @MutationMapping
    ConsentService.Payload withdrawConsent(@Argument WithdrawConsentInput input, Actor actor) {
        return consents.withdraw(actor.user(), input.consentId(), actor.origin());
    }

    /** The input of {@code withdrawConsent}. */
    record WithdrawConsentInput(String consentId) {}
}
