package nl.nabij.involvement;

import java.time.LocalDate;
import java.util.List;
import nl.nabij.api.InputError;
import nl.nabij.security.NabijUser;
import org.springframework.stereotype.Service;

/**
 * The registration, renewal and end of an involvement for callers outside this package (a case system's bulk
 * endpoint), through exactly the checks, locks, audit events and match making of the GraphQL mutations. Each call
 * joins the caller's transaction when there is one: a refused call writes nothing, so a caller may commit many.
 */
@Service
public class InvolvementCommands {

    private final InvolvementRegistry registry;

    InvolvementCommands(InvolvementRegistry registry) {
        this.registry = registry;
    }

    /**
     * What a command did: the involvement it made or changed (null when refused), whether it made a new one, and the
     * typed errors when it was refused.
     */
    public record Outcome(String involvementId, boolean created, List<InputError> errors) {

        private static Outcome of(InvolvementRegistry.Payload payload) {
            return new Outcome(
                    payload.involvement() == null ? null : payload.involvement().id(),
                    payload.created(),
                    payload.errors());
        }
    }

    /**
     * Registers the professional the user acts as with the resident of this BSN (an active twin is returned), on the
     * default legal basis: a case system registers under the task of the domain's law.
     */
    public Outcome registerByBsn(NabijUser user, String bsn, Domain domain, LocalDate since, String origin) {
        return Outcome.of(registry.register(
                user,
                new RegisterInvolvementInput(null, bsn, null, null, null, domain, LegalBasis.PUBLIC_TASK, since, false),
                origin));
    }

    public Outcome renew(NabijUser user, String involvementId, String origin) {
        return Outcome.of(registry.renew(user, involvementId, origin));
    }

    public Outcome end(NabijUser user, String involvementId, LocalDate until, EndReason reason, String origin) {
        return Outcome.of(registry.end(user, new EndInvolvementInput(involvementId, until, reason), origin));
    }
}
