package nl.nabij.erasure;

import nl.nabij.security.Actor;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The administrator's erasure of a resident. */
@Controller
class ErasureController {

    private final ErasureService erasures;

    ErasureController(ErasureService erasures) {
        this.erasures = erasures;
    }

    @MutationMapping
    ErasureService.Payload eraseResident(@Argument EraseResidentInput input, Actor actor) {
        return erasures.erase(actor.user(), input, actor.origin());
    }
}
