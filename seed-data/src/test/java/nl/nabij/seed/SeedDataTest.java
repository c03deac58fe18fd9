package nl.nabij.seed;

import static java.util.stream.Collectors.toMap;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.nabij.seed.SeedData.Application;
import nl.nabij.seed.SeedData.Collaboration;
import nl.nabij.seed.SeedData.Coordinator;
import nl.nabij.seed.SeedData.Discipline;
import nl.nabij.seed.SeedData.District;
import nl.nabij.seed.SeedData.EndReason;
import nl.nabij.seed.SeedData.Household;
import nl.nabij.seed.SeedData.Involvement;
import nl.nabij.seed.SeedData.Law;
import nl.nabij.seed.SeedData.Member;
import nl.nabij.seed.SeedData.Neighbourhood;
import nl.nabij.seed.SeedData.Organisation;
import nl.nabij.seed.SeedData.Professional;
import nl.nabij.seed.SeedData.Role;
import nl.nabij.seed.SeedData.Team;
import nl.nabij.seed.SeedData.Vindplaats;
import nl.nabij.seed.SeedData.VindplaatsContact;
import nl.nabij.seed.SeedData.VindplaatsKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the committed seed files against the graph model and the findings the demo has to show. */
class SeedDataTest {

    private static final LocalDate FIRST_INVOLVEMENT = LocalDate.of(2024, 1, 1);
    private static final LocalDate LAST_DATE = LocalDate.of(2026, 10, 31);

    private static SeedData data;
    private static Map<String, Professional> professionals;
    private static Map<String, Household> households;
    private static Map<String, Household> householdOfResident;

    @BeforeAll
    static void readCommittedFiles() {
        data = SeedData.fromClasspath();
        professionals = index(data.professionals(), Professional::id);
        households = index(data.households(), Household::id);
        householdOfResident = data.households().stream()
                .flatMap(household -> household.members().stream().map(member -> Map.entry(member.id(), household)))
                .collect(toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void hasTheSizeOfASmallDemoMunicipality() {
        assertThat(data.municipality().code()).isEqualTo("GM9901");
        assertThat(data.municipality().districts())
                .extracting(District::code, District::name)
                .containsExactly(tuple("WK990101", "Haven"), tuple("WK990102", "Poort"));
        assertThat(neighbourhoods()).hasSize(8);
        assertThat(data.households()).hasSizeBetween(380, 420);
        assertThat(residents()).hasSizeBetween(900, 1100);
        assertThat(data.organisations()).hasSizeBetween(18, 22);
        assertThat(data.professionals()).hasSizeBetween(75, 85);
    }

    @Test
    void everyBsnPassesTheElfproefAndIsUnique() {
        List<String> bsns = residents().stream().map(Member::bsn).toList();

        assertThat(bsns).allSatisfy(bsn -> {
            assertThat(bsn).matches("\\d{9}").isNotEqualTo("000000000");
            assertThat(passesElfproef(bsn)).as("elfproef of %s", bsn).isTrue();
        });
        assertThat(bsns).doesNotHaveDuplicates();
    }

    @Test
    void everyAddressIsAValidDutchAddressAndUnique() {
        assertThat(data.households()).allSatisfy(household -> {
            assertThat(household.postcode()).matches("\\d{4}[A-Z]{2}");
            assertThat(household.postcode().substring(4)).isNotIn("SA", "SD", "SS");
            assertThat(household.houseNumber()).isPositive();
        });
        assertThat(data.households())
                .extracting(household ->
                        household.postcode() + " " + household.houseNumber() + household.houseNumberAddition())
                .doesNotHaveDuplicates();
    }

    @Test
    void idsAreNameBasedUuidsAndUnique() {
        List<String> ids = Stream.of(
                        data.organisations().stream().map(Organisation::id),
                        data.teams().stream().map(Team::id),
                        data.vindplaatsen().stream().map(Vindplaats::id),
                        data.professionals().stream().map(Professional::id),
                        data.households().stream().map(Household::id),
                        residents().stream().map(Member::id),
                        data.involvements().stream().map(Involvement::id),
                        data.applications().stream().map(Application::id))
                .flatMap(Function.identity())
                .toList();

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids)
                .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(3));
    }

    @Test
    void theDocumentedHouseholdHasFifteenUncoordinatedProfessionals() {
        Household household = caseHousehold();
        Set<String> involved = activeProfessionals(household);

        assertThat(household.neighbourhoodCode())
                .isEqualTo(havenNeighbourhoods().getFirst());
        assertThat(household.members())
                .extracting(Member::role)
                .containsExactly(Role.ADULT, Role.ADULT, Role.CHILD, Role.CHILD, Role.CHILD);
        assertThat(involved).hasSize(15);
        assertThat(involved.stream()
                        .map(id -> professionals.get(id).organisationId())
                        .distinct())
                .hasSizeGreaterThanOrEqualTo(8);
        assertThat(collaboratingPairs(involved)).isLessThan(10);
        assertThat(data.coordinators())
                .noneMatch(coordinator -> coordinator.householdId().equals(household.id()));
    }

    @Test
    void everyCoordinatorIsActivelyInvolvedInItsHousehold() {
        assertThat(data.coordinators()).isNotEmpty().allSatisfy(coordinator -> assertThat(
                        activeProfessionals(households.get(coordinator.householdId())))
                .contains(coordinator.professionalId()));
        assertThat(data.coordinators()).extracting(Coordinator::householdId).doesNotHaveDuplicates();
    }

    @Test
    void everyReferenceResolves() {
        Set<String> neighbourhoodCodes =
                neighbourhoods().stream().map(Neighbourhood::code).collect(toSet());
        Set<String> organisationIds =
                data.organisations().stream().map(Organisation::id).collect(toSet());
        Map<String, Team> teams = index(data.teams(), Team::id);
        Set<String> vindplaatsIds =
                data.vindplaatsen().stream().map(Vindplaats::id).collect(toSet());

        assertThat(data.households())
                .allSatisfy(household -> assertThat(neighbourhoodCodes).contains(household.neighbourhoodCode()));
        assertThat(data.vindplaatsen())
                .allSatisfy(vindplaats -> assertThat(neighbourhoodCodes).contains(vindplaats.neighbourhoodCode()));
        assertThat(data.teams()).allSatisfy(team -> {
            assertThat(neighbourhoodCodes).containsAll(team.serves());
            assertThat(vindplaatsIds)
                    .containsAll(team.vindplaatsContacts().stream()
                            .map(VindplaatsContact::vindplaatsId)
                            .toList());
        });
        assertThat(data.professionals()).allSatisfy(professional -> {
            assertThat(organisationIds).contains(professional.organisationId());
            if (professional.teamId() != null) {
                assertThat(teams).containsKey(professional.teamId());
            }
        });
        assertThat(data.involvements()).allSatisfy(involvement -> {
            Professional professional = professionals.get(involvement.professionalId());
            assertThat(professional).as("professional of %s", involvement.id()).isNotNull();
            assertThat(involvement.organisationId()).isEqualTo(professional.organisationId());
            Household household = householdOf(involvement);
            assertThat(household).as("target of %s", involvement.id()).isNotNull();
            if (involvement.teamId() != null) {
                assertThat(involvement.teamId()).isEqualTo(professional.teamId());
                assertThat(teams.get(involvement.teamId()).serves()).contains(household.neighbourhoodCode());
            }
        });
        assertThat(data.collaborations()).allSatisfy(collaboration -> {
            assertThat(professionals).containsKeys(collaboration.professionalA(), collaboration.professionalB());
            assertThat(collaboration.professionalA()).isNotEqualTo(collaboration.professionalB());
        });
        assertThat(data.coordinators()).allSatisfy(coordinator -> {
            assertThat(households).containsKey(coordinator.householdId());
            assertThat(professionals).containsKey(coordinator.professionalId());
        });
    }

    @Test
    void everyReferralIsTakenUpAndSomeTeamMembersReferToTheirOwnEmployer() {
        List<Involvement> ended =
                data.involvements().stream().filter(i -> !i.active()).toList();
        List<Involvement> referrals =
                ended.stream().filter(i -> i.endReason() == EndReason.REFERRED).toList();

        assertThat((double) referrals.size() / ended.size()).isBetween(0.3, 0.7);
        assertThat(referrals).allSatisfy(referral -> assertThat(followUp(referral))
                .as("follow-up of %s", referral.id())
                .isNotNull());
        assertThat(referrals)
                .filteredOn(referral -> referral.teamId() != null)
                .filteredOn(referral -> followUp(referral).organisationId().equals(referral.organisationId()))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(referrals)
                .filteredOn(referral -> !followUp(referral).organisationId().equals(referral.organisationId()))
                .hasSizeGreaterThan(referrals.size() / 2);
        assertThat(referrals).noneMatch(referral -> householdOf(referral).equals(caseHousehold()));
    }

    /** The first involvement another professional began with the same resident or household after it ended. */
    private static Involvement followUp(Involvement referral) {
        return data.involvements().stream()
                .filter(other -> other.target().equals(referral.target())
                        && !other.professionalId().equals(referral.professionalId())
                        && !other.since().isBefore(referral.until()))
                .min(Comparator.comparing(Involvement::since).thenComparing(Involvement::id))
                .orElse(null);
    }

    @Test
    void applicationsFitTheirLawAndMostAreDecidedWithinEightWeeks() {
        Map<String, Team> teams = index(data.teams(), Team::id);
        Map<String, Member> members = residents().stream().collect(toMap(Member::id, Function.identity()));

        assertThat(data.applications()).hasSizeBetween(250, 400).allSatisfy(application -> {
            assertThat(application.submittedOn()).isBetween(LAST_DATE.minusMonths(18), LAST_DATE);
            if (application.decidedOn() != null) {
                assertThat(application.decidedOn()).isBetween(application.submittedOn(), LAST_DATE);
            }
            Household household = application.target().householdId() != null
                    ? households.get(application.target().householdId())
                    : householdOfResident.get(application.target().residentId());
            assertThat(teams.get(application.teamId()).serves()).contains(household.neighbourhoodCode());
            Member applicant = members.get(application.target().residentId());
            if (application.law() == Law.PARTICIPATION) {
                assertThat(applicant).isNull();
            } else {
                assertThat(applicant.role()).isEqualTo(application.law() == Law.YOUTH ? Role.CHILD : Role.ADULT);
            }
        });
        List<Long> waitingDays = data.applications().stream()
                .filter(application -> application.decidedOn() != null)
                .map(application -> ChronoUnit.DAYS.between(application.submittedOn(), application.decidedOn()))
                .toList();
        assertThat(waitingDays).contains(56L, 57L);
        assertThat((double) waitingDays.stream().filter(days -> days > 56).count() / waitingDays.size())
                .isBetween(0.1, 0.35);
        assertThat(data.applications()).anyMatch(application -> application.decidedOn() == null);
    }

    @Test
    void seededTeamMembersRegisterViaTheirTeamWhereItServes() {
        Map<String, Team> teams = index(data.teams(), Team::id);
        assertThat(data.involvements()).allSatisfy(involvement -> {
            String teamId = professionals.get(involvement.professionalId()).teamId();
            boolean served = teamId != null
                    && teams.get(teamId)
                            .serves()
                            .contains(householdOf(involvement).neighbourhoodCode());
            assertThat(involvement.teamId()).isEqualTo(served ? teamId : null);
        });
    }

    @Test
    void collaborationsAreStoredOncePerPair() {
        assertThat(data.collaborations())
                .extracting(collaboration -> Set.of(collaboration.professionalA(), collaboration.professionalB()))
                .doesNotHaveDuplicates();
    }

    @Test
    void noTeamHasDistrictNursingOrYouthHealthCare() {
        assertThat(data.professionals())
                .filteredOn(professional -> professional.teamId() != null)
                .isNotEmpty()
                .extracting(Professional::discipline)
                .doesNotContain(Discipline.DISTRICT_NURSING, Discipline.YOUTH_HEALTH_CARE);
    }

    @Test
    void havensTeamKnowsSomeFormalAndNoInformalVindplaatsen() {
        Map<String, Vindplaats> vindplaatsen = index(data.vindplaatsen(), Vindplaats::id);
        Team haven = team("Wijkteam Haven");
        Team poort = team("Wijkteam Poort");

        List<VindplaatsKind> havenContacts = contactKinds(haven, vindplaatsen);
        long havenFormal = data.vindplaatsen().stream()
                .filter(vindplaats -> vindplaats.kind() == VindplaatsKind.FORMAL)
                .filter(vindplaats -> haven.serves().contains(vindplaats.neighbourhoodCode()))
                .count();

        assertThat(haven.serves()).containsExactlyElementsOf(havenNeighbourhoods());
        assertThat(havenContacts).isNotEmpty().doesNotContain(VindplaatsKind.INFORMAL);
        assertThat((long) havenContacts.size()).isLessThan(havenFormal);
        assertThat(contactKinds(poort, vindplaatsen)).contains(VindplaatsKind.INFORMAL);
    }

    @Test
    void involvementsHaveAHeavyTailAndPlausibleDates() {
        long uninvolved = data.households().stream()
                .filter(household -> professionalsOf(household, false).isEmpty())
                .count();
        long ended = data.involvements().stream()
                .filter(involvement -> !involvement.active())
                .count();

        assertThat((double) uninvolved / data.households().size()).isBetween(0.5, 0.7);
        assertThat((double) ended / data.involvements().size()).isBetween(0.1, 0.2);
        assertThat(data.involvements()).allSatisfy(involvement -> {
            assertThat(involvement.since()).isBetween(FIRST_INVOLVEMENT, LAST_DATE);
            if (involvement.until() != null) {
                assertThat(involvement.until()).isAfter(involvement.since()).isBeforeOrEqualTo(LAST_DATE);
            }
        });
    }

    @Test
    void professionalsOutsideTheTeamsAreInvolvedToo() {
        Set<Discipline> involvedDisciplines = data.involvements().stream()
                .map(involvement ->
                        professionals.get(involvement.professionalId()).discipline())
                .collect(toSet());

        assertThat(involvedDisciplines)
                .contains(
                        Discipline.DISTRICT_NURSING,
                        Discipline.GENERAL_PRACTICE,
                        Discipline.YOUTH_CARE,
                        Discipline.YOUTH_HEALTH_CARE,
                        Discipline.DEBT_COUNSELLING,
                        Discipline.MENTAL_HEALTH);
    }

    // 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be divisible by 11.
    private static boolean passesElfproef(String bsn) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (bsn.charAt(i) - '0') * (9 - i);
        }
        sum -= bsn.charAt(8) - '0';
        return sum % 11 == 0;
    }

    private static Household caseHousehold() {
        return data.households().stream()
                .filter(household -> household.postcode().equals(SeedData.CASE_POSTCODE)
                        && household.houseNumber() == SeedData.CASE_HOUSE_NUMBER
                        && household.houseNumberAddition() == null)
                .findFirst()
                .orElseThrow();
    }

    private static int collaboratingPairs(Set<String> professionalIds) {
        Set<Set<String>> pairs = new HashSet<>();
        for (Collaboration collaboration : data.collaborations()) {
            pairs.add(Set.of(collaboration.professionalA(), collaboration.professionalB()));
        }
        List<String> ids = new ArrayList<>(professionalIds);
        int linked = 0;
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                if (pairs.contains(Set.of(ids.get(i), ids.get(j)))) {
                    linked++;
                }
            }
        }
        return linked;
    }

    private static Set<String> activeProfessionals(Household household) {
        return professionalsOf(household, true);
    }

    private static Set<String> professionalsOf(Household household, boolean activeOnly) {
        return data.involvements().stream()
                .filter(involvement -> !activeOnly || involvement.active())
                .filter(involvement -> household.equals(householdOf(involvement)))
                .map(Involvement::professionalId)
                .collect(toSet());
    }

    private static Household householdOf(Involvement involvement) {
        String householdId = involvement.target().householdId();
        return householdId != null
                ? households.get(householdId)
                : householdOfResident.get(involvement.target().residentId());
    }

    private static List<VindplaatsKind> contactKinds(Team team, Map<String, Vindplaats> vindplaatsen) {
        return team.vindplaatsContacts().stream()
                .map(contact -> vindplaatsen.get(contact.vindplaatsId()).kind())
                .toList();
    }

    private static Team team(String name) {
        return data.teams().stream()
                .filter(team -> team.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> havenNeighbourhoods() {
        return data.municipality().districts().stream()
                .filter(district -> district.code().equals(DemoMunicipalityGenerator.HAVEN))
                .flatMap(district -> district.neighbourhoods().stream())
                .map(Neighbourhood::code)
                .toList();
    }

    private static List<Neighbourhood> neighbourhoods() {
        return data.municipality().districts().stream()
                .flatMap(district -> district.neighbourhoods().stream())
                .toList();
    }

    private static List<Member> residents() {
        return data.households().stream()
                .flatMap(household -> household.members().stream())
                .toList();
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(toMap(key, Function.identity()));
    }
}
