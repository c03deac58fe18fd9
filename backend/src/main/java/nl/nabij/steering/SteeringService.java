package nl.nabij.steering;

import java.time.Clock;
import java.time.LocalDate;
import nl.nabij.api.InvalidArgumentException;
import nl.nabij.disclosure.DisclosureControl;
import nl.nabij.disclosure.DisclosurePolicy;
import nl.nabij.security.NabijUser;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steering questions for an area and a period: cliëntisme, waiting for decisions, and two of them side by side.
 * Without a period's end the period ends today; without its start it is the six months up to its end. Under
 * disclosure control a period is whole calendar months that are over, and the figures are suppressed.
 */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(SteeringProperties.class)
public class SteeringService {

    private final SteeringQueries queries;
    private final SteeringProperties properties;
    private final Clock clock;
    private final DisclosureControl disclosure;

    SteeringService(SteeringQueries queries, SteeringProperties properties, Clock clock, DisclosureControl disclosure) {
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
        this.disclosure = disclosure;
    }

    /** Where the referrals of the area's wijkteam members went in the period, against the area's referral mix. */
    public Clientism clientism(AreaPeriod asked, NabijUser user) {
        DisclosurePolicy policy = disclosure.policyFor(user);
        return clientism(asked.resolved(clock, policy, ""), "", policy);
    }

    /**
     * The applications of the area submitted in the period as they stood on {@code asOf}, which is the period's end
     * when null and may not lie before it. Under disclosure control it is the end of the last whole month up to it, as the period's end.
     */
    public ApplicationWaiting waiting(AreaPeriod asked, LocalDate asOf, NabijUser user) {
        DisclosurePolicy policy = disclosure.policyFor(user);
        AreaPeriod period = asked.resolved(clock, policy, "");
        LocalDate day = asOf == null ? period.to() : policy.periodEnd(asOf);
        if (day.isBefore(period.to())) {
            throw new InvalidArgumentException("asOf", "AS_OF_BEFORE_TO", "asOf may not lie before the period's end");
        }
        return waiting(period, day, "", policy);
    }

    /** Two areas, or one area in two periods, side by side: every figure of each, and the second minus the first. */
    public SteeringComparison compare(AreaPeriod first, AreaPeriod second, NabijUser user) {
        DisclosurePolicy policy = disclosure.policyFor(user);
        AreaPeriod firstPeriod = first.resolved(clock, policy, "first.");
        AreaPeriod secondPeriod = second.resolved(clock, policy, "second.");
        return SteeringComparison.of(
                clientism(firstPeriod, "first.", policy),
                waiting(firstPeriod, firstPeriod.to(), "first.", policy),
                clientism(secondPeriod, "second.", policy),
                waiting(secondPeriod, secondPeriod.to(), "second.", policy));
    }

    private Clientism clientism(AreaPeriod period, String field, DisclosurePolicy policy) {
        return Clientism.of(
                queries.referrals(period.code(), period.from(), period.to()).orElseThrow(() -> unknownArea(field)),
                policy);
    }

    private ApplicationWaiting waiting(AreaPeriod period, LocalDate asOf, String field, DisclosurePolicy policy) {
        return ApplicationWaiting.of(
                queries.waiting(period.code(), period.from(), period.to(), asOf, properties.statutoryTerms())
                        .orElseThrow(() -> unknownArea(field)),
                properties.statutoryTerms(),
                policy);
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

        /**
         * Under disclosure control the period is the whole calendar months inside it that are over; a period without
         * one is refused.
         */
        AreaPeriod resolved(Clock clock, DisclosurePolicy policy, String field) {
            if (code == null || !code.matches("(BU\\d{8}|WK\\d{6})")) {
                throw new InvalidArgumentException(
                        field + "code",
                        "MALFORMED_CODE",
                        "code is a CBS neighbourhood (BU + 8 digits) or district (WK + 6) code");
            }
            LocalDate askedEnd = to == null ? LocalDate.now(clock) : to;
            if (from != null && from.isAfter(askedEnd)) {
                throw new InvalidArgumentException(field + "from", "FROM_AFTER_TO", "from may not lie after to");
            }
            LocalDate end = policy.periodEnd(askedEnd);
            LocalDate start = policy.periodStart(
                    from == null ? end.minusMonths(DEFAULT_MONTHS).plusDays(1) : from);
            if (start.isAfter(end)) {
                throw new InvalidArgumentException(
                        field + "from",
                        "NO_WHOLE_MONTH",
                        "for analysts a period covers whole calendar months that are over");
            }
            return new AreaPeriod(code, start, end);
        }
    }
}
