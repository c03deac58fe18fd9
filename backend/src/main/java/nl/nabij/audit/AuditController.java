package nl.nabij.audit;

import nl.nabij.api.Connection;
import nl.nabij.api.PageRequest;
import nl.nabij.security.Actor;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The auditor's view of the trail. Reading the trail is itself an access to personal data, and recorded as such. */
@Controller
class AuditController {

    private final AuditReads reads;

    AuditController(AuditReads reads) {
        this.reads = reads;
    }

    @QueryMapping
    Connection<AuditEvent> auditEvents(
            @Argument String subject, @Argument Integer first, @Argument String after, Actor actor) {
        return reads.events(subject, PageRequest.of(first, after, null, null), actor.user(), actor.origin());
    }

    @QueryMapping
    AuditChainCheck auditChainCheck(Actor actor) {
        return reads.check(actor.user(), actor.origin());
    }
}
