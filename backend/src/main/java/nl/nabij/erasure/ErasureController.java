package nl.nabij.erasure;

import nl.nabij.security.CurrentUser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The administrator's erasure of a resident. */
@Controller
class ErasureController {

    private final ErasureService erasures;
    private final CurrentUser currentUser;

    ErasureController(ErasureService erasures, CurrentUser currentUser) {
        this.erasures = erasures;
        this.currentUser = currentUser;
    }

    @MutationMapping
    ErasureService.Payload eraseResident(
            @Argument EraseResidentInput input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return erasures.erase(currentUser.get(), input, origin);
    }
}
