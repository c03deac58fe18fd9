package nl.nabij.steering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import nl.nabij.api.InvalidArgumentException;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steering questions for an area and a period: cliëntisme, waiting for decisions, and two of them side by side.
 * Without a period's end the period ends today; without its start it is the six months up to its end.
 */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(SteeringProperties.class)
public class SteeringService {

    /** Who sees no households, and so sees the figures with small cells suppressed. */
    private static final Set<Role> SUPPRESSED_FOR = EnumSet.of(Role.ANALYST, Role.ADMINISTRATOR);

    private final SteeringQueries queries;
    private final SteeringProperties properties;
    private final Clock clock;
    private final int minimumCellSize;

    SteeringService(
            SteeringQueries queries,
            SteeringProperties properties,
            Clock clock,
            @Value("${nabij.statistics.minimum-cell-size:10}") int minimumCellSize) {
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
        this.minimumCellSize = minimumCellSize;
    }

    /** Where the referrals of the area's wijkteam members went in the period, against the area's referral mix. */
    public Clientism clientism(AreaPeriod asked, NabijUser user) {
        return clientism(asked.resolved(clock, ""), "", user);
    }

    /**
     * The applications of the area submitted in the period as they stood on {@code asOf}, which is the period's end
     * when null and may not lie before it.
     */
    public ApplicationWaiting waiting(AreaPeriod asked, LocalDate asOf, NabijUser user) {
        AreaPeriod period = asked.resolved(clock, "");
        if (asOf != null && asOf.isBefore(period.to())) {
            throw new InvalidArgumentException("asOf", "AS_OF_BEFORE_TO", "asOf may not lie before the period's end");
        }
        return waiting(period, asOf == null ? period.to() : asOf, "", user);
    }

    /** Two areas, or one area in two periods, side by side: every figure of each, and the second minus the first. */
    public SteeringComparison compare(AreaPeriod first, AreaPeriod second, NabijUser user) {
        AreaPeriod firstPeriod = first.resolved(clock, "first.");
        AreaPeriod secondPeriod = second.resolved(clock, "second.");
        return SteeringComparison.of(
                clientism(firstPeriod, "first.", user),
                waiting(firstPeriod, firstPeriod.to(), "first.", user),
                clientism(secondPeriod, "second.", user),
                waiting(secondPeriod, secondPeriod.to(), "second.", user));
    }

    private Clientism clientism(AreaPeriod period, String field, NabijUser user) {
        return Clientism.of(
                queries.referrals(period.code(), period.from(), period.to()).orElseThrow(() -> unknownArea(field)),
                smallCells(user));
    }

    private ApplicationWaiting waiting(AreaPeriod period, LocalDate asOf, String field, NabijUser user) {
        return ApplicationWaiting.of(
                queries.waiting(period.code(), period.from(), period.to(), asOf, properties.statutoryTerms())
                        .orElseThrow(() -> unknownArea(field)),
                properties.statutoryTerms(),
                smallCells(user));
    }

    private SmallCells smallCells(NabijUser user) {
        return new SmallCells(minimumCellSize, SUPPRESSED_FOR.contains(user.role()));
    }

    private static InvalidArgumentException unknownArea(String field) {
        return new InvalidArgumentException(
                field + "code", "UNKNOWN_AREA", "no neighbourhood or district has this code");
    }

    /**
     * An area and a period as asked for; {@link #resolved} checks it and fills in what was left out.
     *
     * @param code the CBS code of a neighbourhood (BU + 8 digits) or district (WK + 6 digits)
     */
    public record AreaPeriod(String code, LocalDate from, LocalDate to) {

        /** The period of six months ending on {@code to}, so that two of them six months apart follow each other. */
        static final int DEFAULT_MONTHS = 6;

        AreaPeriod resolved(Clock clock, String field) {
            if (code == null || !code.matches("(BU\\d{8}|WK\\d{6})")) {
                throw new InvalidArgumentException(
                        field + "code",
                        "MALFORMED_CODE",
                        "code is a CBS neighbourhood (BU + 8 digits) or district (WK + 6) code");
            }
            LocalDate end = to == null ? LocalDate.now(clock) : to;
            LocalDate start = from == null ? end.minusMonths(DEFAULT_MONTHS).plusDays(1) : from;
            if (start.isAfter(end)) {
                throw new InvalidArgumentException(field + "from", "FROM_AFTER_TO", "from may not lie after to");
            }
            return new AreaPeriod(code, start, end);
        }
    }
}
