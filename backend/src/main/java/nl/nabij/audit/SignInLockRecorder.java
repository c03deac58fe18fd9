package nl.nabij.audit;

import java.util.List;
import nl.nabij.security.SignInLocked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes a sign-in lock into the trail as a DENIED {@code sign-in-locked} event, so the auditor sees a guessing attack:
 * which account name was tried, from where, and whether the account, the address or both were locked.
 */
@Component
class SignInLockRecorder {

    private final AuditTrail trail;

    SignInLockRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void record(SignInLocked locked) {
        trail.record(
                locked.user(),
                locked.origin(),
                List.of(new AuditEntry("SIGN_IN", false, "sign-in-locked", locked.basis(), List.of())));
    }
}
