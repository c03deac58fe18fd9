package nl.nabij.steering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.nabij.disclosure.DisclosureControl;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.StatementCounter;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Steering figures against what the seed files give, worked out here without the graph: cliëntisme per team member
 * and team, waiting per team and neighbourhood, the statutory term's last day, small cells for analysts, Haven and
 * Poort side by side and one neighbourhood half a year apart, typed errors and who may ask.
 */
@NabijIntegrationTest
class SteeringTest {

    private static final SeedData SEED = SeedData.fromClasspath();
    private static final String HAVEN = "WK990101";
    private static final String POORT = "WK990102";
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 31);
    private static final int TERM_DAYS = 56;
    private static final int MINIMUM_CELL_SIZE = 10;
    private static final Map<String, SeedData.Household> HOUSEHOLD_OF_TARGET = householdsByTarget();
    private static final Map<String, SeedData.Professional> PROFESSIONALS =
            SEED.professionals().stream().collect(Collectors.toMap(SeedData.Professional::id, Function.identity()));
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    @LocalServerPort
    int port;

    @Autowired
    StatementCounter statements;

    @Autowired
    SteeringQueries queries;

    @Autowired
    Clock clock;

    @Autowired
    DisclosureControl disclosure;

    private static boolean planned;

    // Neo4j plans each statement on its first use, which on a loaded machine can outlast the HTTP client's 5 s.
    @BeforeEach
    void planTheStatementsOnce() {
        if (!planned) {
            queries.referrals(HAVEN, FIRST_DAY, LAST_DAY);
            queries.waiting(HAVEN, FIRST_DAY, LAST_DAY, LAST_DAY, new SteeringProperties(null).statutoryTerms());
            planned = true;
        }
    }

    @Test
    void clientismOfEveryTeamMemberAndTeamIsWhatTheSeedGives() {
        for (String code : List.of(HAVEN, POORT, "BU99010101")) {
            Map<String, Object> answer = clientism(TestUsers.teamLead(), code, FIRST_DAY, LAST_DAY);
            List<SeedReferral> referrals = seedReferrals(code, FIRST_DAY, LAST_DAY);
            Map<String, Long> mix =
                    referrals.stream().collect(Collectors.groupingBy(SeedReferral::receiverId, Collectors.counting()));

            assertThat(answer.get("smallCellsSuppressed")).isEqualTo(false);
            assertThat(answer.get("referrals")).as(code).isEqualTo(referrals.size());
            assertThat(maps(answer.get("mix")).stream()
                            .collect(Collectors.toMap(
                                    d -> (String) d.get("organisationId"),
                                    d -> ((Number) d.get("referrals")).longValue())))
                    .as("the referral mix of %s", code)
                    .isEqualTo(mix);

            List<SeedReferral> byMembers =
                    referrals.stream().filter(r -> r.teamId() != null).toList();
            assertFigures(map(answer.get("teamMembers")), byMembers, mix, referrals.size(), code);
            Map<String, List<SeedReferral>> byTeam =
                    byMembers.stream().collect(Collectors.groupingBy(SeedReferral::teamId));
            assertThat(maps(answer.get("teams")))
                    .extracting(t -> t.get("teamId"))
                    .containsExactlyInAnyOrderElementsOf(byTeam.keySet());
            for (Map<String, Object> team : maps(answer.get("teams"))) {
                assertFigures(map(team.get("figures")), byTeam.get(team.get("teamId")), mix, referrals.size(), code);
            }
            Map<String, List<SeedReferral>> byMember =
                    byMembers.stream().collect(Collectors.groupingBy(r -> r.professionalId() + "/" + r.teamId()));
            assertThat(maps(answer.get("members")))
                    .extracting(m -> m.get("professionalId") + "/" + m.get("teamId"))
                    .containsExactlyInAnyOrderElementsOf(byMember.keySet());
            for (Map<String, Object> member : maps(answer.get("members"))) {
                List<SeedReferral> own = byMember.get(member.get("professionalId") + "/" + member.get("teamId"));
                assertThat(member.get("employerId")).isEqualTo(own.getFirst().employerId());
                assertFigures(map(member.get("figures")), own, mix, referrals.size(), code);
            }
        }

        Map<String, Object> haven = clientism(TestUsers.teamLead(), HAVEN, FIRST_DAY, LAST_DAY);
        assertThat(maps(haven.get("members")))
                .as("the seed has team members who favour their own employer")
                .anySatisfy(
                        member -> assertThat(number(map(member.get("figures")).get("difference")))
                                .isGreaterThan(0.2));
    }

    /** Own share = to own employer / made; expected = per referral the mix's share of its referrer's employer. */
    private static void assertFigures(
            Map<String, Object> figures, List<SeedReferral> group, Map<String, Long> mix, int total, String code) {
        long made = group.size();
        long own = group.stream()
                .filter(r -> r.receiverId().equals(r.employerId()))
                .count();
        double ownShare = (double) own / made;
        double expected = group.stream()
                        .mapToDouble(r -> mix.getOrDefault(r.employerId(), 0L) / (double) total)
                        .sum()
                / made;
        assertThat(number(figures.get("referrals"))).as(code).isEqualTo((double) made);
        assertThat(number(figures.get("toOwnEmployer"))).as(code).isEqualTo((double) own);
        assertThat(number(figures.get("ownEmployerShare"))).as(code).isCloseTo(ownShare, within(1e-9));
        assertThat(number(figures.get("expectedShare"))).as(code).isCloseTo(expected, within(1e-9));
        assertThat(number(figures.get("difference"))).as(code).isCloseTo(ownShare - expected, within(1e-9));
    }

    @Test
    void waitingPerTeamAndNeighbourhoodIsWhatTheSeedGives() {
        LocalDate from = LocalDate.of(2025, 11, 1);
        LocalDate to = LocalDate.of(2026, 4, 30);
        for (String code : List.of(HAVEN, POORT)) {
            for (LocalDate asOf : List.of(to, LAST_DAY)) {
                Map<String, Object> answer = waiting(TestUsers.teamLead(), code, from, to, asOf);
                List<SeedData.Application> applications = seedApplications(code, from, to);

                assertThat(maps(answer.get("statutoryTerms")))
                        .extracting(t -> t.get("term"))
                        .containsOnly("P56D")
                        .hasSize(3);
                assertWaiting(map(answer.get("total")), applications, asOf, code + " as of " + asOf);
                Map<String, List<SeedData.Application>> byTeam =
                        applications.stream().collect(Collectors.groupingBy(SeedData.Application::teamId));
                assertThat(maps(answer.get("teams")))
                        .extracting(t -> t.get("teamId"))
                        .containsExactlyInAnyOrderElementsOf(byTeam.keySet());
                for (Map<String, Object> team : maps(answer.get("teams"))) {
                    assertWaiting(map(team.get("figures")), byTeam.get(team.get("teamId")), asOf, code);
                }
                assertThat(maps(answer.get("neighbourhoods")))
                        .extracting(n -> n.get("code"))
                        .containsExactlyElementsOf(
                                neighbourhoodCodes(code).stream().sorted().toList());
                for (Map<String, Object> neighbourhood : maps(answer.get("neighbourhoods"))) {
                    List<SeedData.Application> local = applications.stream()
                            .filter(a -> neighbourhoodOf(a).equals(neighbourhood.get("code")))
                            .toList();
                    assertWaiting(map(neighbourhood.get("figures")), local, asOf, (String) neighbourhood.get("code"));
                }
            }
        }
    }

    private static void assertWaiting(
            Map<String, Object> figures, List<SeedData.Application> applications, LocalDate asOf, String what) {
        List<SeedData.Application> decided = applications.stream()
                .filter(a -> a.decidedOn() != null && !a.decidedOn().isAfter(asOf))
                .toList();
        List<SeedData.Application> open =
                applications.stream().filter(a -> !decided.contains(a)).toList();
        long overdue = applications.stream()
                .filter(a -> (decided.contains(a) ? a.decidedOn() : asOf)
                        .isAfter(a.submittedOn().plusDays(TERM_DAYS)))
                .count();
        assertThat(number(figures.get("submitted"))).as(what).isEqualTo((double) applications.size());
        assertThat(number(figures.get("decided"))).as(what).isEqualTo((double) decided.size());
        assertThat(number(figures.get("open"))).as(what).isEqualTo((double) open.size());
        assertThat(number(figures.get("overdue"))).as(what).isEqualTo((double) overdue);
        assertThat(number(figures.get("overdueShare")))
                .as(what)
                .isEqualTo(applications.isEmpty() ? null : (double) overdue / applications.size());
        assertThat(number(figures.get("medianWaitingDays")))
                .as(what)
                .isEqualTo(median(decided.stream()
                        .map(a -> ChronoUnit.DAYS.between(a.submittedOn(), a.decidedOn()))
                        .toList()));
        assertThat(number(figures.get("medianOpenDays")))
                .as(what)
                .isEqualTo(median(open.stream()
                        .map(a -> ChronoUnit.DAYS.between(a.submittedOn(), asOf))
                        .toList()));
    }

    @Test
    void anApplicationDecidedOnDay56IsInTimeAndOnDay57Overdue() {
        SeedData.Application inTime = decidedAfter(TERM_DAYS);
        SeedData.Application late = decidedAfter(TERM_DAYS + 1);
        for (SeedData.Application application : List.of(inTime, late)) {
            assertThat(seedApplications(
                            neighbourhoodOf(application), application.submittedOn(), application.submittedOn()))
                    .as("alone on its day in its neighbourhood, so the counts are about it")
                    .containsExactly(application);
        }

        assertThat(dayFigures(inTime, inTime.decidedOn()))
                .containsEntry("decided", 1)
                .containsEntry("overdue", 0);
        assertThat(dayFigures(late, late.submittedOn().plusDays(TERM_DAYS)))
                .as("still open on the term's last day, and not yet overdue")
                .containsEntry("open", 1)
                .containsEntry("overdue", 0)
                .containsEntry("medianOpenDays", (double) TERM_DAYS);
        assertThat(dayFigures(late, late.decidedOn()))
                .containsEntry("decided", 1)
                .containsEntry("overdue", 1);

        SteeringService withLongerTerm = new SteeringService(
                queries,
                new SteeringProperties(Map.of(ApplicationLaw.WMO, Period.ofDays(TERM_DAYS + 1))),
                clock,
                disclosure);
        ApplicationWaiting configured = withLongerTerm.waiting(
                new SteeringService.AreaPeriod(neighbourhoodOf(late), late.submittedOn(), late.submittedOn()),
                late.decidedOn(),
                TestUsers.teamLead());
        assertThat(configured.total().overdue())
                .as("a configured term of 57 days")
                .isZero();
        assertThat(configured.statutoryTerms())
                .extracting(ApplicationWaiting.StatutoryTerm::term)
                .containsExactly("P57D", "P56D", "P56D");
    }

    @Test
    void statutoryTermsAreEightWeeksUnlessConfigured() {
        SteeringProperties configured = new Binder(
                        new MapConfigurationPropertySource(Map.of("nabij.steering.statutory-terms.WMO", "P6W")))
                .bind("nabij.steering", SteeringProperties.class)
                .get();

        assertThat(configured.statutoryTerms())
                .containsEntry(ApplicationLaw.WMO, Period.ofWeeks(6))
                .containsEntry(ApplicationLaw.YOUTH, Period.ofWeeks(8))
                .containsEntry(ApplicationLaw.PARTICIPATION, Period.ofWeeks(8));
        assertThat(new SteeringProperties(null).statutoryTerms()).containsOnlyKeys(ApplicationLaw.values());
        assertThatThrownBy(() -> new Binder(new MapConfigurationPropertySource(
                                Map.of("nabij.steering.statutory-terms.YOUTH", "P0D")))
                        .bind("nabij.steering", SteeringProperties.class))
                .hasRootCauseMessage("nabij.steering.statutory-terms.YOUTH must be positive");
    }

    private Map<String, Object> dayFigures(SeedData.Application application, LocalDate asOf) {
        return map(waiting(
                        TestUsers.teamLead(),
                        neighbourhoodOf(application),
                        application.submittedOn(),
                        application.submittedOn(),
                        asOf)
                .get("total"));
    }

    private static SeedData.Application decidedAfter(int days) {
        return SEED.applications().stream()
                .filter(a -> a.law() == SeedData.Law.WMO && a.decidedOn() != null)
                .filter(a -> ChronoUnit.DAYS.between(a.submittedOn(), a.decidedOn()) == days)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void analystsSeeEveryCountFromOneToNineAsNullAndWhatIsComputedFromIt() {
        // Whole months, so the analyst's period is the team lead's; which other cells hide the small ones is
        // DisclosureControlTest's.
        LocalDate from = LocalDate.of(2025, 11, 1);
        LocalDate to = LocalDate.of(2026, 4, 30);
        Map<String, Object> exact = waiting(TestUsers.teamLead(), HAVEN, from, to, null);
        Map<String, Object> suppressed = waiting(TestUsers.demo(Role.ANALYST), HAVEN, from, to, null);

        assertThat(suppressed.get("smallCellsSuppressed")).isEqualTo(true);
        List<Map<String, Object>> exactGroups = waitingGroups(exact);
        List<Map<String, Object>> suppressedGroups = waitingGroups(suppressed);
        for (int i = 0; i < exactGroups.size(); i++) {
            Map<String, Object> e = exactGroups.get(i);
            Map<String, Object> s = suppressedGroups.get(i);
            for (String count : List.of("submitted", "decided", "open", "overdue")) {
                if (small(e.get(count))) {
                    assertThat(s.get(count)).as(count).isNull();
                } else if (s.get(count) != null) {
                    assertThat(s.get(count)).as(count).isEqualTo(e.get(count));
                }
            }
            assertThat(s.get("overdueShare")).isIn(null, e.get("overdueShare"));
            if (s.get("overdue") == null || s.get("submitted") == null) {
                assertThat(s.get("overdueShare")).isNull();
            }
            if (s.get("decided") == null) {
                assertThat(s.get("medianWaitingDays")).isNull();
            }
            if (s.get("open") == null) {
                assertThat(s.get("medianOpenDays")).isNull();
            }
        }
        assertThat(exactGroups)
                .as("the seed has small cells, and they are suppressed")
                .anySatisfy(group -> assertThat(small(group.get("overdue"))).isTrue());

        Map<String, Object> exactReferrals =
                map(clientism(TestUsers.teamLead(), HAVEN, FIRST_DAY, LAST_DAY).get("teamMembers"));
        Map<String, Object> suppressedReferrals =
                map(clientism(TestUsers.demo(Role.ANALYST), HAVEN, FIRST_DAY, LAST_DAY)
                        .get("teamMembers"));
        assertThat(small(exactReferrals.get("toOwnEmployer"))).isTrue();
        assertThat(suppressedReferrals)
                .containsEntry("referrals", exactReferrals.get("referrals"))
                .containsEntry("toOwnEmployer", null)
                .containsEntry("ownEmployerShare", null)
                .containsEntry("difference", null);
        assertThat(clientism(TestUsers.demo(Role.ADMINISTRATOR), HAVEN, FIRST_DAY, LAST_DAY)
                        .get("smallCellsSuppressed"))
                .isEqualTo(true);
    }

    private static List<Map<String, Object>> waitingGroups(Map<String, Object> answer) {
        List<Map<String, Object>> groups = new ArrayList<>();
        groups.add(map(answer.get("total")));
        maps(answer.get("teams")).forEach(team -> groups.add(map(team.get("figures"))));
        maps(answer.get("neighbourhoods")).forEach(n -> groups.add(map(n.get("figures"))));
        return groups;
    }

    private static boolean small(Object count) {
        return count != null && ((Number) count).intValue() > 0 && ((Number) count).intValue() < MINIMUM_CELL_SIZE;
    }

    @Test
    void havenAndPoortSideBySideAndOneNeighbourhoodHalfAYearApart() {
        LocalDate from = LocalDate.of(2025, 11, 1);
        statements.reset();
        Map<String, Object> districts = compare(
                Map.of("code", HAVEN, "from", from.toString(), "to", LAST_DAY.toString()),
                Map.of("code", POORT, "from", from.toString(), "to", LAST_DAY.toString()));
        assertThat(statements.dataStatements())
                .as("each side's cliëntisme and waiting")
                .isEqualTo(4);
        assertThat(map(districts.get("first"))).containsEntry("name", "Haven");
        assertThat(map(districts.get("second"))).containsEntry("name", "Poort");
        assertComparison(districts, HAVEN, from, LAST_DAY, POORT, from, LAST_DAY);

        String neighbourhood = "BU99010104";
        LocalDate before = LocalDate.of(2026, 4, 30);
        Map<String, Object> pilot = compare(
                Map.of("code", neighbourhood, "to", before.toString()),
                Map.of("code", neighbourhood, "to", LAST_DAY.toString()));
        assertThat(map(pilot.get("first")))
                .as("six months up to each day, so the two halves follow each other")
                .containsEntry("from", "2025-10-31")
                .containsEntry("to", "2026-04-30");
        assertThat(map(pilot.get("second"))).containsEntry("from", "2026-05-01").containsEntry("to", "2026-10-31");
        assertComparison(
                pilot,
                neighbourhood,
                LocalDate.of(2025, 10, 31),
                before,
                neighbourhood,
                LocalDate.of(2026, 5, 1),
                LAST_DAY);
    }

    private static void assertComparison(
            Map<String, Object> comparison,
            String firstCode,
            LocalDate firstFrom,
            LocalDate firstTo,
            String secondCode,
            LocalDate secondFrom,
            LocalDate secondTo) {
        List<Map<String, Object>> figures = maps(comparison.get("figures"));
        assertThat(figures)
                .extracting(f -> f.get("name"))
                .containsExactly(
                        "referrals",
                        "teamMemberReferrals",
                        "teamMemberReferralsToOwnEmployer",
                        "ownEmployerShare",
                        "expectedOwnEmployerShare",
                        "ownEmployerShareOverExpected",
                        "applicationsSubmitted",
                        "applicationsDecided",
                        "applicationsOpen",
                        "applicationsOverdue",
                        "overdueShare",
                        "medianWaitingDays",
                        "medianOpenDays");
        assertThat(figures).allSatisfy(f -> {
            Double first = number(f.get("first"));
            Double second = number(f.get("second"));
            if (first == null || second == null) {
                assertThat(f.get("difference")).isNull();
            } else {
                assertThat(number(f.get("difference"))).isCloseTo(second - first, within(1e-9));
            }
        });
        Map<String, Map<String, Object>> byName =
                figures.stream().collect(Collectors.toMap(f -> (String) f.get("name"), f -> f));
        List<SeedData.Application> firstApplications = seedApplications(firstCode, firstFrom, firstTo);
        List<SeedData.Application> secondApplications = seedApplications(secondCode, secondFrom, secondTo);
        assertThat(number(byName.get("applicationsSubmitted").get("first")))
                .isEqualTo((double) firstApplications.size());
        assertThat(number(byName.get("applicationsSubmitted").get("second")))
                .isEqualTo((double) secondApplications.size());
        assertThat(number(byName.get("applicationsOverdue").get("first")))
                .isEqualTo((double) overdue(firstApplications, firstTo));
        assertThat(number(byName.get("applicationsOverdue").get("second")))
                .isEqualTo((double) overdue(secondApplications, secondTo));
        assertThat(number(byName.get("referrals").get("first")))
                .isEqualTo((double) seedReferrals(firstCode, firstFrom, firstTo).size());
        assertThat(number(byName.get("referrals").get("second"))).isEqualTo((double)
                seedReferrals(secondCode, secondFrom, secondTo).size());
    }

    private static long overdue(List<SeedData.Application> applications, LocalDate asOf) {
        return applications.stream()
                .filter(a -> (a.decidedOn() != null && !a.decidedOn().isAfter(asOf) ? a.decidedOn() : asOf)
                        .isAfter(a.submittedOn().plusDays(TERM_DAYS)))
                .count();
    }

    @Test
    void eachQuestionIsOneStatement() {
        statements.reset();
        clientism(TestUsers.teamLead(), HAVEN, FIRST_DAY, LAST_DAY);
        assertThat(statements.dataStatements()).isEqualTo(1);
        statements.reset();
        waiting(TestUsers.teamLead(), HAVEN, FIRST_DAY, LAST_DAY, null);
        assertThat(statements.dataStatements()).isEqualTo(1);
    }

    @Test
    void badInputIsATypedBadRequestWithNoStatementSent() {
        statements.reset();
        assertBadRequest(document("clientism").variable("code", "Haven"), "code", "MALFORMED_CODE");
        assertBadRequest(
                document("applicationWaiting")
                        .variable("code", HAVEN)
                        .variable("from", "2026-05-01")
                        .variable("to", "2026-04-30"),
                "from",
                "FROM_AFTER_TO");
        assertBadRequest(
                document("applicationWaiting")
                        .variable("code", HAVEN)
                        .variable("to", "2026-04-30")
                        .variable("asOf", "2026-04-29"),
                "asOf",
                "AS_OF_BEFORE_TO");
        assertBadRequest(
                document("compareSteering")
                        .variable("first", Map.of("code", HAVEN))
                        .variable("second", Map.of("code", "WK99")),
                "second.code",
                "MALFORMED_CODE");
        assertThat(statements.count()).isZero();

        assertBadRequest(document("clientism").variable("code", "BU99999999"), "code", "UNKNOWN_AREA");
        assertBadRequest(
                document("compareSteering")
                        .variable("first", Map.of("code", HAVEN))
                        .variable("second", Map.of("code", "WK999999")),
                "second.code",
                "UNKNOWN_AREA");
    }

    private GraphQlTester.Request<?> document(String name) {
        return GraphQlClients.overHttp(port, TestUsers.teamLead()).documentName(name);
    }

    private static void assertBadRequest(GraphQlTester.Request<?> request, String field, String code) {
        request.execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(errors.get(0).getExtensions())
                    .containsEntry("field", field)
                    .containsEntry("code", code);
        });
    }

    @Test
    void staffAskAndVolunteersResidentsAndAuditorsAreForbidden() {
        for (Role role : List.of(Role.PROFESSIONAL, Role.TEAM_LEAD, Role.ANALYST, Role.ADMINISTRATOR)) {
            assertThat(clientism(TestUsers.demo(role), POORT, FIRST_DAY, LAST_DAY))
                    .containsKey("referrals");
        }
        for (Role role : List.of(Role.VOLUNTEER, Role.RESIDENT, Role.AUDITOR)) {
            for (GraphQlTester.Request<?> request : List.of(
                    GraphQlClients.overHttp(port, TestUsers.demo(role))
                            .documentName("clientism")
                            .variable("code", HAVEN),
                    GraphQlClients.overHttp(port, TestUsers.demo(role))
                            .documentName("applicationWaiting")
                            .variable("code", HAVEN),
                    GraphQlClients.overHttp(port, TestUsers.demo(role))
                            .documentName("compareSteering")
                            .variable("first", Map.of("code", HAVEN))
                            .variable("second", Map.of("code", POORT)))) {
                request.execute().errors().satisfy(errors -> assertThat(
                                errors.get(0).getErrorType().toString())
                        .as(role.name())
                        .isEqualTo("FORBIDDEN"));
            }
        }
    }

    private Map<String, Object> clientism(NabijUser user, String code, LocalDate from, LocalDate to) {
        return GraphQlClients.overHttp(port, user)
                .documentName("clientism")
                .variable("code", code)
                .variable("from", from.toString())
                .variable("to", to.toString())
                .execute()
                .path("clientism")
                .entity(MAP)
                .get();
    }

    private Map<String, Object> waiting(NabijUser user, String code, LocalDate from, LocalDate to, LocalDate asOf) {
        return GraphQlClients.overHttp(port, user)
                .documentName("applicationWaiting")
                .variable("code", code)
                .variable("from", from.toString())
                .variable("to", to.toString())
                .variable("asOf", asOf == null ? null : asOf.toString())
                .execute()
                .path("applicationWaiting")
                .entity(MAP)
                .get();
    }

    private Map<String, Object> compare(Map<String, Object> first, Map<String, Object> second) {
        return GraphQlClients.overHttp(port, TestUsers.teamLead())
                .documentName("compareSteering")
                .variable("first", first)
                .variable("second", second)
                .execute()
                .path("compareSteering")
                .entity(MAP)
                .get();
    }

    /**
     * The seed's referrals of an area in a period: ended REFERRED in it, taken up by the first involvement another
     * professional began with the same target by its end, a team member's when it ran through a team or its
     * professional was seconded by then.
     */
    private static List<SeedReferral> seedReferrals(String code, LocalDate from, LocalDate to) {
        Set<String> area = neighbourhoodCodes(code);
        List<SeedReferral> referrals = new ArrayList<>();
        for (SeedData.Involvement referral : SEED.involvements()) {
            if (referral.endReason() != SeedData.EndReason.REFERRED
                    || referral.until().isBefore(from)
                    || referral.until().isAfter(to)
                    || !area.contains(householdOf(referral.target()).neighbourhoodCode())) {
                continue;
            }
            Optional<SeedData.Involvement> next = SEED.involvements().stream()
                    .filter(other -> other.target().equals(referral.target())
                            && !other.professionalId().equals(referral.professionalId())
                            && !other.since().isBefore(referral.until())
                            && !other.since().isAfter(to))
                    .min(Comparator.comparing(SeedData.Involvement::since).thenComparing(SeedData.Involvement::id));
            if (next.isEmpty()) {
                continue;
            }
            SeedData.Professional referrer = PROFESSIONALS.get(referral.professionalId());
            String team = referral.teamId() != null
                    ? referral.teamId()
                    : referrer.teamId() != null && !referrer.secondedSince().isAfter(referral.until())
                            ? referrer.teamId()
                            : null;
            referrals.add(new SeedReferral(
                    referral.professionalId(),
                    referral.organisationId(),
                    team,
                    next.get().organisationId()));
        }
        return referrals;
    }

    private record SeedReferral(String professionalId, String employerId, String teamId, String receiverId) {}

    private static List<SeedData.Application> seedApplications(String code, LocalDate from, LocalDate to) {
        Set<String> area = neighbourhoodCodes(code);
        return SEED.applications().stream()
                .filter(a -> !a.submittedOn().isBefore(from) && !a.submittedOn().isAfter(to))
                .filter(a -> area.contains(neighbourhoodOf(a)))
                .toList();
    }

    private static String neighbourhoodOf(SeedData.Application application) {
        return householdOf(application.target()).neighbourhoodCode();
    }

    private static SeedData.Household householdOf(SeedData.Target target) {
        return HOUSEHOLD_OF_TARGET.get(target.householdId() != null ? target.householdId() : target.residentId());
    }

    private static Set<String> neighbourhoodCodes(String code) {
        return SEED.municipality().districts().stream()
                .flatMap(district -> district.neighbourhoods().stream()
                        .filter(n -> district.code().equals(code) || n.code().equals(code)))
                .map(SeedData.Neighbourhood::code)
                .collect(Collectors.toSet());
    }

    private static Map<String, SeedData.Household> householdsByTarget() {
        Map<String, SeedData.Household> byTarget = new HashMap<>();
        for (SeedData.Household household : SEED.households()) {
            byTarget.put(household.id(), household);
            household.members().forEach(member -> byTarget.put(member.id(), household));
        }
        return byTarget;
    }

    private static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
