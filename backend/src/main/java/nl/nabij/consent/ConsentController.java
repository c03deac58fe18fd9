package nl.nabij.consent;

import nl.nabij.security.CurrentUser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The consent mutations of a signed-in resident. */
@Controller
class ConsentController {

    private final ConsentService consents;
    private final CurrentUser currentUser;

    ConsentController(ConsentService consents, CurrentUser currentUser) {
        this.consents = consents;
        this.currentUser = currentUser;
    }

    @MutationMapping
    ConsentService.Payload grantConsent(
            @Argument GrantConsentInput input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return consents.grant(currentUser.get(), input, origin);
    }

    @MutationMapping
    ConsentService.Payload withdrawConsent(
            @Argument WithdrawConsentInput input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return consents.withdraw(currentUser.get(), input.consentId(), origin);
    }

    /** The input of {@code withdrawConsent}. */
    record WithdrawConsentInput(String consentId) {}
}
