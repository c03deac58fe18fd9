package nl.nabij.audit;

import nl.nabij.security.Actor;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The auditor's view of the trail. Reading the trail is itself an access to personal data, and recorded as such. */
@Controller
class AuditController {

    private final AuditReads reads;

    AuditController(AuditReads reads) {
        this.reads = reads;
    }

    @QueryMapping
    Window<AuditEvent> auditEvents(@Argument String subject, ScrollSubrange subrange, Actor actor) {
        return reads.events(subject, subrange, actor.user(), actor.origin());
    }

    @QueryMapping
    AuditChainCheck auditChainCheck(Actor actor) {
        return reads.check(actor.user(), actor.origin());
    }
}
