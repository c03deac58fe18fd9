package nl.nabij.audit;

import java.util.List;
import nl.nabij.api.Connection;
import nl.nabij.api.PageRequest;
import nl.nabij.security.NabijUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The auditor's reads, each recorded in the trail in the same transaction. */
@Service
class AuditReads {

    private final AuditQueries queries;
    private final AuditTrail trail;

    AuditReads(AuditQueries queries, AuditTrail trail) {
        this.queries = queries;
        this.trail = trail;
    }

    @Transactional
    Connection<AuditEvent> events(String subject, PageRequest request, NabijUser user, String origin) {
        Connection<AuditEvent> page = queries.events(subject, request);
        List<String> subjects = page.edges().stream()
                .flatMap(edge -> edge.node().subjects().stream())
                .distinct()
                .toList();
        trail.append(user, origin, List.of(new AuditEntry("READ", true, "audit-trail", "auditor", subjects)));
        return page;
    }

    @Transactional
    AuditChainCheck check(NabijUser user, String origin) {
        AuditChainCheck check = queries.check();
        trail.append(user, origin, List.of(new AuditEntry("READ", true, "audit-chain-check", "auditor", List.of())));
        return check;
    }
}
