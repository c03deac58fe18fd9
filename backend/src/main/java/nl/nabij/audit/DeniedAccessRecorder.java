package nl.nabij.audit;

import java.util.List;
import nl.nabij.security.AccessDenied;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the refusals of the access rules, and the mutations refused by their own checks, into the trail. No data was read, so such an event names no subject: it
 * records who tried what, in which role, from where.
 */
@Component
class DeniedAccessRecorder {

    private final AuditTrail trail;

    DeniedAccessRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void record(AccessDenied denied) {
        trail.record(
                denied.user(),
                denied.origin(),
                List.of(new AuditEntry(
                        denied.change() ? "CHANGE" : "READ", false, denied.what(), denied.basis(), List.of())));
    }
}
