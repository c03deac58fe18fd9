package nl.nabij.socialmap;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Which social map a reader gets in HSDS: staff the whole of it, recorded as an export because it names contact
 * persons; everyone else, signed in or not, the public subset.
 */
@Service
@EnableConfigurationProperties(HsdsProperties.class)
class HsdsPublication {

    /** The roles that work with the directory, and so with the whole social map. */
    private static final Set<Role> STAFF =
            EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD, Role.ANALYST, Role.ADMINISTRATOR);

    private final SocialMapQueries store;
    private final AuditTrail trail;
    private final HsdsExport export;

    HsdsPublication(SocialMapQueries store, AuditTrail trail, HsdsProperties properties) {
        this.store = store;
        this.trail = trail;
        this.export = new HsdsExport(properties.stateProvince());
    }

    /** The map for this reader; {@code user} is null for a request without credentials. */
    Hsds.Bundle bundle(NabijUser user, String origin) {
        boolean full = user != null && STAFF.contains(user.role());
        Hsds.Bundle bundle = export.bundle(store.organisations(), store.all(), full);
        if (full) {
            trail.record(user, origin, List.of(new AuditEntry("EXPORT", true, "hsds-export", "staff", List.of())));
        }
        return bundle;
    }
}
