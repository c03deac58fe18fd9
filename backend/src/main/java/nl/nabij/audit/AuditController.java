package nl.nabij.audit;

import nl.nabij.security.CurrentUser;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The auditor's view of the trail. Reading the trail is itself an access to personal data, and recorded as such. */
@Controller
class AuditController {

    private final AuditReads reads;
    private final CurrentUser currentUser;

    AuditController(AuditReads reads, CurrentUser currentUser) {
        this.reads = reads;
        this.currentUser = currentUser;
    }

    @QueryMapping
    Window<AuditEvent> auditEvents(
            @Argument String subject,
            ScrollSubrange subrange,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return reads.events(subject, subrange, currentUser.get(), origin);
    }

    @QueryMapping
    AuditChainCheck auditChainCheck(@ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return reads.check(currentUser.get(), origin);
    }
}
