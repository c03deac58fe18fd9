package nl.nabij.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The privacy tester's findings of issue 14, each as an analyst would try it against the demo data: a predicted link
 * or an unlinked organisation resting on one household, professionals named around one family, a suppressed waiting
 * count given back by the others, a zero next to hidden referrals, answers for two days in a row whose difference is
 * one event, and analyst reads missing from the audit trail. k is the default minimum cell size, 10.
 */
@NabijIntegrationTest
class DisclosureControlTest {

    private static final int K = 10;
    private static final SeedData SEED = SeedData.fromClasspath();
    private static final String HAVEN = "WK990101";
    private static final Map<String, SeedData.Household> HOUSEHOLD_OF_TARGET = householdsByTarget();
    private static final Set<String> TEAM_MEMBERS = SEED.professionals().stream()
            .filter(professional -> professional.teamId() != null)
            .map(SeedData.Professional::id)
            .collect(Collectors.toSet());
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAnalystsMissingLinksRestOnAtLeastKHouseholdsWhateverMinimumIsAsked() {
        Map<String, Object> missing = missingLinks(analyst(), null, 1);

        assertThat(missing.get("minimumSharedHouseholds"))
                .as("a smaller minimum is raised to k")
                .isEqualTo(K);
        assertThat(maps(missing.get("predictedLinks")))
                .allSatisfy(link ->
                        assertThat((Integer) link.get("sharedHouseholds")).isGreaterThanOrEqualTo(K));
        assertThat(maps(missing.get("unlinkedOrganisations")))
                .allSatisfy(organisation ->
                        assertThat((Integer) organisation.get("households")).isGreaterThanOrEqualTo(K));
        Set<String> fewHouseholds = professionalsHelpingFewerThanK(firstOfThisMonth());
        String answer = missing.toString();
        assertThat(fewHouseholds)
                .as("the seed has professionals around one family")
                .isNotEmpty();
        assertThat(SEED.professionals())
                .filteredOn(professional -> fewHouseholds.contains(professional.id()))
                .allSatisfy(professional -> assertThat(answer).doesNotContain(professional.name()));

        Map<String, Object> exact = missingLinks(TestUsers.teamLead(), null, 1);
        assertThat(exact.get("minimumSharedHouseholds")).isEqualTo(1);
        assertThat(maps(exact.get("predictedLinks")))
                .as("a team lead, who works with these households, still sees links resting on one")
                .anySatisfy(link -> assertThat(link.get("sharedHouseholds")).isEqualTo(1));
    }

    @Test
    void anAnalystsNetworkAndItsFilesNameNobodyAroundFewerThanKHouseholds() throws Exception {
        LocalDate day = LocalDate.of(2026, 6, 15);
        Map<String, Object> network = network(analyst(), day);

        assertThat(map(network.get("scope")).get("asOf"))
                .as("the first of the month asked about")
                .isEqualTo("2026-06-01");
        Set<String> fewHouseholds = professionalsHelpingFewerThanK(LocalDate.of(2026, 6, 1));
        List<Map<String, Object>> nodes = maps(network.get("nodes"));
        assertThat(nodes)
                .filteredOn(node -> node.get("kind").equals("PROFESSIONAL"))
                .isNotEmpty()
                .allSatisfy(node -> assertThat(
                                TEAM_MEMBERS.contains(node.get("id")) || !fewHouseholds.contains(node.get("id")))
                        .as("%s is a team member or helps at least k households", node.get("label"))
                        .isTrue());
        assertThat(maps(network.get("edges"))).allSatisfy(edge -> {
            double weight = ((Number) edge.get("weight")).doubleValue();
            switch ((String) edge.get("kind")) {
                case "REFERRAL" -> assertThat(weight).isGreaterThanOrEqualTo(K);
                case "COLLABORATION" -> assertThat(weight == 1 || weight >= 1 + K)
                        .isTrue();
                default -> assertThat(weight).isEqualTo(1);
            }
        });

        Set<String> ids = nodes.stream().map(node -> (String) node.get("id")).collect(Collectors.toSet());
        for (String file : List.of("nodes.csv", "edges.csv")) {
            String csv = export(analyst(), HAVEN + "/" + file, day);
            assertThat(csv.lines().skip(1))
                    .as(file + " holds what the network holds")
                    .allSatisfy(row -> assertThat(ids).contains(row.split(",")[0]));
        }
        for (String file : List.of(".graphml", ".gexf")) {
            String xml = export(analyst(), HAVEN + file, day);
            SEED.professionals().stream()
                    .filter(professional ->
                            fewHouseholds.contains(professional.id()) && !TEAM_MEMBERS.contains(professional.id()))
                    .forEach(professional -> assertThat(xml).doesNotContain(professional.id()));
        }
    }

    @Test
    void anAnalystsNetworkForTwoDaysInARowIsOneAnswer() throws Exception {
        SeedData.Involvement newcomer = involvementOfANewcomerToHaven();
        LocalDate day = newcomer.since();
        LocalDate dayBefore = day.minusDays(1);

        assertThat(network(analyst(), day)).isEqualTo(network(analyst(), dayBefore));
        assertThat(missingLinks(analyst(), day, 1)).isEqualTo(missingLinks(analyst(), dayBefore, 1));
        for (String file : List.of(".graphml", ".gexf", "/nodes.csv", "/edges.csv")) {
            assertThat(export(analyst(), HAVEN + file, day))
                    .as(file)
                    .isEqualTo(export(analyst(), HAVEN + file, dayBefore));
        }
        Map<String, Object> comparison = query(
                analyst(),
                "compareNetworksOnDays",
                "compareNetworks",
                Map.of(
                        "first", Map.of("code", HAVEN, "asOf", dayBefore.toString()),
                        "second", Map.of("code", HAVEN, "asOf", day.toString())));
        assertThat(maps(comparison.get("figures")))
                .as("the difference of the two days is nothing at all")
                .allSatisfy(figure -> assertThat(((Number) figure.get("difference")).doubleValue())
                        .isZero());

        assertThat(map(network(analyst(), LocalDate.now().plusYears(1)).get("scope")))
                .as("a day to come would take in each day's new registrations")
                .containsEntry("asOf", firstOfThisMonth().toString());
        assertThat(network(TestUsers.teamLead(), day))
                .as("a team lead sees the day asked for, and the newcomer on it")
                .isNotEqualTo(network(TestUsers.teamLead(), dayBefore));
    }

    @Test
    void noCountOfAnAnalystsWaitingFiguresCanBeDerivedFromTheOthers() {
        Map<String, Object> waiting = waiting(analyst(), LocalDate.of(2025, 11, 1), LocalDate.of(2026, 4, 30), null);

        List<Map<String, Object>> neighbourhoods = maps(waiting.get("neighbourhoods")).stream()
                .map(n -> map(n.get("figures")))
                .toList();
        List<Map<String, Object>> teams = maps(waiting.get("teams")).stream()
                .map(t -> map(t.get("figures")))
                .toList();
        Map<String, Object> total = map(waiting.get("total"));
        List<Map<String, Object>> groups = Stream.of(List.of(total), neighbourhoods, teams)
                .flatMap(List::stream)
                .toList();
        assertThat(groups).as("the demo data has hidden counts here").anySatisfy(group -> assertThat(group.get("open"))
                .isNull());
        for (Map<String, Object> group : groups) {
            assertNotDerivable(Arrays.asList(group.get("submitted"), group.get("decided"), group.get("open")));
            if (group.get("submitted") == null) {
                assertThat(group)
                        .as("nothing shown next to a hidden total")
                        .containsEntry("decided", null)
                        .containsEntry("open", null)
                        .containsEntry("overdue", null);
            }
            for (String count : List.of("submitted", "decided", "open", "overdue")) {
                assertThat(group.get(count)).satisfies(value -> assertNotSmall(value));
            }
        }
        for (String count : List.of("submitted", "decided", "open", "overdue")) {
            for (List<Map<String, Object>> parts : List.of(neighbourhoods, teams)) {
                List<Object> relation = new ArrayList<>();
                relation.add(total.get(count));
                parts.forEach(part -> relation.add(part.get(count)));
                assertNotDerivable(relation);
            }
        }
    }

    @Test
    void anAnalystsWaitingFiguresForPeriodsOrDaysOneDayApartAreOneAnswer() {
        SeedData.Application application = SEED.applications().stream()
                .filter(a -> inHaven(a.target()) && midMonth(a.submittedOn()))
                .max(Comparator.comparing(SeedData.Application::submittedOn))
                .orElseThrow();
        LocalDate day = application.submittedOn();
        LocalDate from = LocalDate.of(2025, 11, 1);

        Map<String, Object> before = waiting(analyst(), from, day.minusDays(1), null);
        Map<String, Object> after = waiting(analyst(), from, day, null);
        assertThat(after).isEqualTo(before);
        assertThat(map(after.get("scope")))
                .as("whole months that are over")
                .containsEntry("from", "2025-11-01")
                .containsEntry("to", day.withDayOfMonth(1).minusDays(1).toString());

        SeedData.Application decided = SEED.applications().stream()
                .filter(a -> inHaven(a.target()) && a.decidedOn() != null && midMonth(a.decidedOn()))
                .filter(a -> a.decidedOn().isAfter(a.submittedOn()))
                .max(Comparator.comparing(SeedData.Application::decidedOn))
                .orElseThrow();
        assertThat(waiting(analyst(), from.minusYears(1), decided.submittedOn(), decided.decidedOn()))
                .as("taken as they stood on two days in a row")
                .isEqualTo(waiting(
                        analyst(),
                        from.minusYears(1),
                        decided.submittedOn(),
                        decided.decidedOn().minusDays(1)));

        Map<String, Object> comparison = query(
                analyst(),
                "compareSteeringFigures",
                "compareSteering",
                Map.of(
                        "first",
                                Map.of(
                                        "code",
                                        HAVEN,
                                        "from",
                                        from.toString(),
                                        "to",
                                        day.minusDays(1).toString()),
                        "second", Map.of("code", HAVEN, "from", from.toString(), "to", day.toString())));
        assertThat(maps(comparison.get("figures")))
                .as("the difference of the two periods is nothing at all")
                .allSatisfy(figure -> assertThat(figure.get("difference") == null
                                || ((Number) figure.get("difference")).doubleValue() == 0)
                        .isTrue());
    }

    @Test
    void aPeriodWithoutAWholeMonthThatIsOverIsATypedErrorForAnAnalystOnly() {
        LocalDate firstOfThisMonth = firstOfThisMonth();
        for (List<LocalDate> period : List.of(
                List.of(LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 20)),
                List.of(firstOfThisMonth, firstOfThisMonth))) {
            GraphQlClients.overHttp(port, analyst())
                    .documentName("applicationWaitingScope")
                    .variable("code", HAVEN)
                    .variable("from", period.get(0).toString())
                    .variable("to", period.get(1).toString())
                    .execute()
                    .errors()
                    .satisfy(errors -> {
                        assertThat(errors).hasSize(1);
                        assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
                        assertThat(errors.get(0).getExtensions())
                                .containsEntry("field", "from")
                                .containsEntry("code", "NO_WHOLE_MONTH");
                    });
            assertThat(waiting(TestUsers.teamLead(), period.get(0), period.get(1), null))
                    .as("a team lead gets the days asked for")
                    .containsKey("total");
        }
    }

    @Test
    void anAnalystsClientismNamesNobodyOnFewerThanKReferralsAndShowsNoZeroNextToAHiddenCount() {
        Map<String, Object> clientism = clientism(analyst(), LocalDate.of(2024, 1, 1), LocalDate.of(2026, 10, 31));

        assertThat(maps(clientism.get("members"))).allSatisfy(member -> assertThat(
                        (Integer) map(member.get("figures")).get("referrals"))
                .as("a member named for fewer than k referrals")
                .isNotNull()
                .isGreaterThanOrEqualTo(K));
        assertThat(maps(clientism.get("mix")))
                .allSatisfy(destination -> assertThat((Integer) destination.get("referrals"))
                        .isNotNull()
                        .isGreaterThanOrEqualTo(K));
        List<Map<String, Object>> figures = new ArrayList<>();
        figures.add(map(clientism.get("teamMembers")));
        maps(clientism.get("teams")).forEach(team -> figures.add(map(team.get("figures"))));
        maps(clientism.get("members")).forEach(member -> figures.add(map(member.get("figures"))));
        assertThat(figures).allSatisfy(group -> {
            assertNotSmall(group.get("referrals"));
            assertNotSmall(group.get("toOwnEmployer"));
            if (group.get("referrals") == null) {
                assertThat(group).containsEntry("toOwnEmployer", null);
            }
        });
        List<Object> teams = new ArrayList<>();
        teams.add(map(clientism.get("teamMembers")).get("referrals"));
        maps(clientism.get("teams"))
                .forEach(team -> teams.add(map(team.get("figures")).get("referrals")));
        assertNotDerivable(teams);
    }

    @Test
    void anAnalystsClientismForPeriodsOneDayApartIsOneAnswer() {
        SeedData.Involvement referral = SEED.involvements().stream()
                .filter(i -> i.endReason() == SeedData.EndReason.REFERRED && inHaven(i.target()))
                .filter(i -> midMonth(i.until()))
                .max(Comparator.comparing(SeedData.Involvement::until))
                .orElseThrow();
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate day = referral.until();

        assertThat(clientism(analyst(), from, day)).isEqualTo(clientism(analyst(), from, day.minusDays(1)));
    }

    @Test
    void everyAnalystReadIsAnAggregateReadInTheAuditTrail() throws Exception {
        List<Runnable> reads = List.of(
                () -> network(analyst(), LocalDate.of(2026, 6, 15)),
                () -> missingLinks(analyst(), null, 1),
                () -> query(
                        analyst(),
                        "compareNetworksOnDays",
                        "compareNetworks",
                        Map.of("first", Map.of("code", HAVEN), "second", Map.of("code", "WK990102"))),
                () -> waiting(analyst(), LocalDate.of(2025, 11, 1), LocalDate.of(2026, 4, 30), null),
                () -> clientism(analyst(), LocalDate.of(2024, 1, 1), LocalDate.of(2026, 10, 31)),
                () -> query(
                        analyst(),
                        "compareSteeringFigures",
                        "compareSteering",
                        Map.of("first", Map.of("code", HAVEN), "second", Map.of("code", "WK990102"))),
                () -> query(analyst(), "neighbourhoodHouseholds", "neighbourhood", Map.of()));
        List<String> expected = List.of(
                "neighbourhoodNetwork(code: WK990101, asOf: 2026-06-15)",
                "missingLinks(code: WK990101, minimumSharedHouseholds: 1)",
                "compareNetworks(first.code: WK990101, second.code: WK990102)",
                "applicationWaiting(code: WK990101, from: 2025-11-01, to: 2026-04-30)",
                "clientism(code: WK990101, from: 2024-01-01, to: 2026-10-31)",
                "compareSteering(first.code: WK990101, second.code: WK990102)",
                "neighbourhoodStatistics(codes: BU99010101)");
        for (int i = 0; i < reads.size(); i++) {
            long before = aggregateReads(expected.get(i));
            reads.get(i).run();
            assertThat(aggregateReads(expected.get(i)))
                    .as("an event for " + expected.get(i))
                    .isEqualTo(before + 1);
        }
        String file = "networkExport(file: network-WK990101-2026-06-01.gexf, code: WK990101, asOf: 2026-06-15)";
        long before = aggregateReads(file);
        export(analyst(), HAVEN + ".gexf", LocalDate.of(2026, 6, 15));
        assertThat(aggregateReads(file)).isEqualTo(before + 1);

        try (var session = driver.session()) {
            assertThat(session.run(
                                    """
                                    MATCH (e:AuditEvent {action: 'AGGREGATE_READ'})
                                    RETURN e.role AS role, e.basis AS basis,
                                           size(e.subjects) AS subjects, COUNT { (e)-[:ABOUT]->() } AS about
                                    """)
                            .list(record -> record.asMap()))
                    .as("of analysts and administrators only, and about no resident")
                    .isNotEmpty()
                    .allSatisfy(event -> assertThat(event)
                            .containsEntry("basis", "disclosure-control k=" + K)
                            .containsEntry("subjects", 0L)
                            .containsEntry("about", 0L)
                            .satisfies(e -> assertThat(e.get("role")).isIn("ANALYST", "ADMINISTRATOR")));
        }
    }

    @Test
    void aMinimumCellSizeBelowTwoStopsTheStart() {
        assertThatThrownBy(() -> new DisclosureControl(null, Clock.systemUTC(), 1))
                .hasMessage("nabij.statistics.minimum-cell-size must be at least 2");
    }

    /** The analyst's aggregate reads with this purpose in the trail, sealed or not. */
    private long aggregateReads(String purpose) {
        try (var session = driver.session()) {
            return session.run(
                            "MATCH (e:AuditEvent {action: 'AGGREGATE_READ', username: 'analyst', purpose: $purpose})"
                                    + " RETURN count(e) AS events",
                            Map.of("purpose", purpose))
                    .single()
                    .get("events")
                    .asLong();
        }
    }

    /** In a relation of counts that add up, no cell is hidden alone, and a shown one is never 1 to k − 1. */
    private static void assertNotDerivable(List<Object> relation) {
        long hidden = relation.stream().filter(Objects::isNull).count();
        assertThat(hidden).as("hidden cells in %s", relation).isNotEqualTo(1L);
    }

    private static void assertNotSmall(Object count) {
        if (count != null) {
            assertThat(((Number) count).intValue())
                    .satisfiesAnyOf(
                            c -> assertThat(c).isZero(), c -> assertThat(c).isGreaterThanOrEqualTo(K));
        }
    }

    /** A professional who is no team member and helps no household of Haven until the day their involvement begins. */
    private static SeedData.Involvement involvementOfANewcomerToHaven() {
        return SEED.involvements().stream()
                .filter(i -> inHaven(i.target()) && !TEAM_MEMBERS.contains(i.professionalId()))
                .filter(i -> midMonth(i.since()))
                .filter(i -> SEED.involvements().stream()
                        .filter(other -> other.professionalId().equals(i.professionalId()) && inHaven(other.target()))
                        .noneMatch(activeOn(i.since().minusDays(1))))
                .max(Comparator.comparing(SeedData.Involvement::since))
                .orElseThrow();
    }

    /** The professionals who help 1 to k − 1 of Haven's households on the day. */
    private static Set<String> professionalsHelpingFewerThanK(LocalDate day) {
        Map<String, Set<String>> households = new HashMap<>();
        SEED.involvements().stream()
                .filter(i -> inHaven(i.target()))
                .filter(activeOn(day))
                .forEach(i -> households
                        .computeIfAbsent(i.professionalId(), p -> new HashSet<>())
                        .add(HOUSEHOLD_OF_TARGET.get(key(i.target())).id()));
        return households.entrySet().stream()
                .filter(e -> e.getValue().size() < K)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /**
     * A day of a month that is over, neither its first nor its last: the day before it lies in the same month, and so
     * does the day itself when it ends a period.
     */
    private static boolean midMonth(LocalDate day) {
        return day.getDayOfMonth() > 1
                && day.getDayOfMonth() < day.lengthOfMonth()
                && day.isBefore(LocalDate.now().withDayOfMonth(1));
    }

    private static Predicate<SeedData.Involvement> activeOn(LocalDate day) {
        return i -> !i.since().isAfter(day) && (i.until() == null || !i.until().isBefore(day));
    }

    private static boolean inHaven(SeedData.Target target) {
        return HOUSEHOLD_OF_TARGET.get(key(target)).neighbourhoodCode().startsWith("BU990101");
    }

    private static String key(SeedData.Target target) {
        return target.householdId() != null ? target.householdId() : target.residentId();
    }

    private static LocalDate firstOfThisMonth() {
        return LocalDate.now().withDayOfMonth(1);
    }

    private static NabijUser analyst() {
        return TestUsers.demo(Role.ANALYST);
    }

    private Map<String, Object> network(NabijUser user, LocalDate asOf) {
        return query(
                user, "neighbourhoodNetworkInFull", "neighbourhoodNetwork", variables("code", HAVEN, "asOf", asOf));
    }

    private Map<String, Object> missingLinks(NabijUser user, LocalDate asOf, int minimum) {
        return query(user, "missingLinks", "missingLinks", variables("code", HAVEN, "asOf", asOf, "minimum", minimum));
    }

    private Map<String, Object> waiting(NabijUser user, LocalDate from, LocalDate to, LocalDate asOf) {
        return query(
                user,
                "applicationWaitingScope",
                "applicationWaiting",
                variables("code", HAVEN, "from", from, "to", to, "asOf", asOf));
    }

    private Map<String, Object> clientism(NabijUser user, LocalDate from, LocalDate to) {
        return query(user, "clientismScope", "clientism", variables("code", HAVEN, "from", from, "to", to));
    }

    /** The answer's one root field. */
    private Map<String, Object> query(
            NabijUser user, String documentName, String field, Map<String, Object> variables) {
        var request = GraphQlClients.overHttp(port, user).documentName(documentName);
        for (Map.Entry<String, Object> variable : variables.entrySet()) {
            request = request.variable(variable.getKey(), variable.getValue());
        }
        return request.execute().path(field).entity(MAP).get();
    }

    /** Names and values; a null value is left out, a day is sent as text. */
    private static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                variables.put((String) namesAndValues[i], value instanceof LocalDate ? value.toString() : value);
            }
        }
        return variables;
    }

    private String export(NabijUser user, String path, LocalDate asOf) throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/exports/networks/" + path + "?asOf=" + asOf))
                        .header("Authorization", TestUsers.bearer(user))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static Map<String, SeedData.Household> householdsByTarget() {
        Map<String, SeedData.Household> byTarget = new HashMap<>();
        for (SeedData.Household household : SEED.households()) {
            byTarget.put(household.id(), household);
            household.members().forEach(member -> byTarget.put(member.id(), household));
        }
        return byTarget;
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
