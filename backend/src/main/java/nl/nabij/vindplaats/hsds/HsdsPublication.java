package nl.nabij.vindplaats.hsds;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.vindplaats.VindplaatsDetails;
import nl.nabij.vindplaats.VindplaatsQueries;
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

    private final VindplaatsQueries store;
    private final HsdsQueries hsds;
    private final AuditTrail trail;
    private final HsdsExport export;

    HsdsPublication(VindplaatsQueries store, HsdsQueries hsds, AuditTrail trail, HsdsProperties properties) {
        this.store = store;
        this.hsds = hsds;
        this.trail = trail;
        this.export = new HsdsExport(properties.stateProvince());
    }

    /** The map for this reader; {@code user} is null for a request without credentials. */
    Hsds.Bundle bundle(NabijUser user, String origin) {
        return published(user, origin).bundle();
    }

    /** The services of the map for this reader that pass the filter. */
    List<Hsds.Service> services(NabijUser user, String origin, HsdsServices.Filter filter) {
        Published published = published(user, origin);
        return HsdsServices.filter(published.bundle(), published.modifiedAt(), filter);
    }

    /** One service of the map for this reader, nested; empty when the reader may not see it or there is none. */
    Optional<Hsds.FullService> service(NabijUser user, String origin, String id) {
        return HsdsServices.full(published(user, origin).bundle(), id);
    }

    /** A published map with when each service's vindplaats last changed, by service id. */
    private record Published(Hsds.Bundle bundle, Map<String, Instant> modifiedAt) {}

    private Published published(NabijUser user, String origin) {
        boolean full = user != null && STAFF.contains(user.role());
        List<VindplaatsDetails> vindplaatsen = store.all();
        List<HsdsQueries.StoredService> services = hsds.services();
        Hsds.Bundle bundle = export.bundle(
                store.organisations(), vindplaatsen, services, full ? hsds.unclassifiedRecords() : List.of(), full);
        if (full) {
            trail.record(user, origin, List.of(new AuditEntry("EXPORT", true, "hsds-export", "staff", List.of())));
        }
        Map<String, Instant> modifiedAt = new HashMap<>();
        vindplaatsen.stream()
                .filter(vindplaats -> vindplaats.modifiedAt() != null)
                .forEach(vindplaats -> modifiedAt.put(HsdsExport.serviceId(vindplaats), vindplaats.modifiedAt()));
        services.stream()
                .filter(service -> service.modifiedAt() != null)
                .forEach(service -> modifiedAt.put(service.hsdsId(), service.modifiedAt()));
        return new Published(bundle, modifiedAt);
    }
}
