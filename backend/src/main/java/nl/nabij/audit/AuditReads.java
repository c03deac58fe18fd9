package nl.nabij.audit;

import java.util.List;
import nl.nabij.security.NabijUser;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;

/**
 * The auditor's reads. Each first seals what was written before it, so the auditor sees the chain up to the moment
 * of asking, and is recorded in the trail before it is answered.
 */
@Service
class AuditReads {

    private final AuditQueries queries;
    private final AuditTrail trail;
    private final AuditSealer sealer;

    AuditReads(AuditQueries queries, AuditTrail trail, AuditSealer sealer) {
        this.queries = queries;
        this.trail = trail;
        this.sealer = sealer;
    }

    Window<AuditEvent> events(String subject, ScrollSubrange subrange, NabijUser user, String origin) {
        sealer.seal();
        Window<AuditEvent> page = queries.events(subject, subrange);
        List<String> subjects = page.stream()
                .flatMap(event -> event.subjects().stream())
                .distinct()
                .toList();
        trail.record(user, origin, List.of(new AuditEntry("READ", true, "audit-trail", "auditor", subjects)));
        return page;
    }

    AuditChainCheck check(NabijUser user, String origin) {
        sealer.seal();
        AuditChainCheck check = queries.check();
        trail.record(user, origin, List.of(new AuditEntry("READ", true, "audit-chain-check", "auditor", List.of())));
        return check;
    }
}
