package nl.nabij.audit;

import java.util.List;
import nl.nabij.api.Connection;
import nl.nabij.api.PageRequest;
import nl.nabij.security.NabijUser;
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

    Connection<AuditEvent> events(String subject, PageRequest request, NabijUser user, String origin) {
        sealer.seal();
        Connection<AuditEvent> page = queries.events(subject, request);
        List<String> subjects = page.edges().stream()
                .flatMap(edge -> edge.node().subjects().stream())
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
