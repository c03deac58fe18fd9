package nl.nabij.disclosure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hands each reader of aggregates their {@link DisclosurePolicy} and records what they read. The policy suppresses
 * for analysts and administrators, who see no households: professionals and team leads work with the households the
 * figures count and see them exact. The minimum cell size is {@code nabij.statistics.minimum-cell-size}, by default 10,
 * the threshold CBS applies to cells of tables from microdata.
 */
@Component
public class DisclosureControl {

    /** The audit action of a read of aggregates under disclosure control. */
    public static final String AGGREGATE_READ = "AGGREGATE_READ";

    /** Who sees no households, and so reads every aggregate under disclosure control. */
    private static final Set<Role> CONTROLLED = EnumSet.of(Role.ANALYST, Role.ADMINISTRATOR);

    private final AuditTrail trail;
    private final Clock clock;
    private final int minimumCellSize;

    DisclosureControl(
            AuditTrail trail, Clock clock, @Value("${nabij.statistics.minimum-cell-size}") int minimumCellSize) {
        if (minimumCellSize < 2) {
            throw new IllegalArgumentException("nabij.statistics.minimum-cell-size must be at least 2");
        }
        this.trail = trail;
        this.clock = clock;
        this.minimumCellSize = minimumCellSize;
    }

    /** The policy for this reader: suppressing for analysts and administrators, exact for everyone else. */
    public DisclosurePolicy policyFor(NabijUser reader) {
        return new DisclosurePolicy(minimumCellSize, CONTROLLED.contains(reader.role()), LocalDate.now(clock));
    }

    /** The policy for counts that everyone reads suppressed, whatever their role. */
    public DisclosurePolicy suppressingForEveryone() {
        return new DisclosurePolicy(minimumCellSize, true, LocalDate.now(clock));
    }

    /**
     * Records a read of aggregates by a reader under disclosure control, before the answer leaves: the operation with
     * the arguments as they were asked (so that an auditor sees attempts at differencing), never a resident. Other
     * readers' reads of aggregates are not recorded, as they name no one's data.
     *
     * @param namesAndValues the arguments, each name followed by its value; a null value is left out
     */
    public void recordRead(NabijUser reader, String origin, String operation, Object... namesAndValues) {
        if (!CONTROLLED.contains(reader.role())) {
            return;
        }
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                arguments.add(namesAndValues[i] + ": " + namesAndValues[i + 1]);
            }
        }
        trail.record(
                reader,
                origin,
                List.of(new AuditEntry(
                        AGGREGATE_READ,
                        true,
                        operation + "(" + String.join(", ", arguments) + ")",
                        "disclosure-control k=" + minimumCellSize,
                        List.of())));
    }
}
