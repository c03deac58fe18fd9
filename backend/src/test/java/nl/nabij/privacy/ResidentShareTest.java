package nl.nabij.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

/**
 * What one member of the documented case's household sees of the others: the household as a whole, their own part and
 * their minor children's, never the other adult's; and each such read lands in the other members' access logs.
 */
@NabijIntegrationTest
class ResidentShareTest {

    private static final SeedData SEED = SeedData.fromClasspath();
    private static final SeedData.Household CASE = SEED.caseHousehold();
    private static final SeedData.Member FIRST_ADULT = CASE.members().get(0);
    private static final SeedData.Member SECOND_ADULT = CASE.members().stream()
            .filter(member ->
                    member.role().name().equals("ADULT") && !member.id().equals(FIRST_ADULT.id()))
            .findFirst()
            .orElseThrow();
    private static final NabijUser SECOND = new NabijUser("second-adult", Role.RESIDENT, null, SECOND_ADULT.id(), null);

    @LocalServerPort
    int port;

    @Test
    void anAdultSeesTheHouseholdsInvolvementsTheirOwnAndTheirMinorChildrensButNotTheOtherAdults() {
        for (var viewer :
                List.of(Map.entry(TestUsers.demo(Role.RESIDENT), FIRST_ADULT), Map.entry(SECOND, SECOND_ADULT))) {
            List<Map<String, Object>> involvements = GraphQlClients.overHttp(port, viewer.getKey())
                    .documentName("myHouseholdShare")
                    .execute()
                    .path("myData.household.involvements")
                    .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                    .get();

            Set<String> concerned = involvements.stream()
                    .map(involvement -> involvement.get("resident") instanceof Map<?, ?> resident
                            ? (String) resident.get("id")
                            : "household")
                    .collect(Collectors.toSet());
            Set<String> allowed = CASE.members().stream()
                    .filter(member -> member.id().equals(viewer.getValue().id())
                            || (member.role().name().equals("CHILD")
                                    && Year.now().getValue() - member.birthYear() < 18))
                    .map(SeedData.Member::id)
                    .collect(Collectors.toSet());
            allowed.add("household");
            assertThat(concerned)
                    .as(viewer.getKey().username())
                    .isSubsetOf(allowed)
                    .contains(viewer.getValue().id());
            assertThat(concerned).doesNotContain(otherAdult(viewer.getValue()).id());
            assertThat((long) involvements.size())
                    .as("the household's own involvements are shown to every member")
                    .isLessThan(caseInvolvements());
        }
    }

    @Test
    void theOverlapAResidentSeesIsCountedOverWhatTheySee() {
        var answer = GraphQlClients.overHttp(port, SECOND)
                .documentName("myHouseholdShare")
                .execute();
        List<Map<String, Object>> involvements = answer.path("myData.household.involvements")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        Set<Object> named = involvements.stream()
                .map(involvement -> ((Map<?, ?>) involvement.get("professional")).get("name"))
                .collect(Collectors.toSet());
        int counted = answer.path("myData.household.overlap.professionalCount")
                .entity(Integer.class)
                .get();
        assertThat(counted).isLessThanOrEqualTo(named.size());
    }

    @Test
    void aMemberReadingTheHouseholdLandsInEveryOtherMembersAccessLog() {
        long before = exportsInTheLogOf(SECOND);

        GraphQlClients.overHttp(port, TestUsers.demo(Role.RESIDENT))
                .documentName("myHousehold")
                .execute()
                .path("myData.household.id")
                .hasValue();

        assertThat(exportsInTheLogOf(SECOND))
                .as("the first adult's export, then the second's own reading of the log")
                .isEqualTo(before + 2);
    }

    private long exportsInTheLogOf(NabijUser resident) {
        return GraphQlClients.overHttp(port, resident)
                .documentName("myAccessLogActions")
                .execute()
                .path("myData.accessLog")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get()
                .stream()
                .filter(access -> "EXPORT".equals(access.get("action")) && "RESIDENT".equals(access.get("role")))
                .count();
    }

    @Test
    void residentsReachNoProfessionalOrOrganisationOutsideTheirHousehold() {
        List<String> paths = List.of(
                "neighbourhoodTeamMembers",
                "myProfessionalsCollaborators",
                "myProfessionalsOrganisations",
                "myTeamsMembers",
                "vindplaatsTeamMembers");
        for (String path : paths) {
            // Only the neighbourhood's document declares the code; the others' requests ignore it.
            var answer = GraphQlClients.overHttp(port, TestUsers.demo(Role.RESIDENT))
                    .documentName(path)
                    .variable("code", CASE.neighbourhoodCode())
                    .execute();
            answer.errors()
                    .satisfy(errors -> assertThat(errors).as(path).isNotEmpty().allSatisfy(error -> assertThat(
                                    error.getErrorType().toString())
                            .isEqualTo("FORBIDDEN")));
        }
    }

    private static SeedData.Member otherAdult(SeedData.Member adult) {
        return adult.id().equals(FIRST_ADULT.id()) ? SECOND_ADULT : FIRST_ADULT;
    }

    private static long caseInvolvements() {
        Set<String> targets = CASE.members().stream().map(SeedData.Member::id).collect(Collectors.toSet());
        return SEED.involvements().stream()
                .filter(involvement -> CASE.id().equals(involvement.target().householdId())
                        || targets.contains(involvement.target().residentId()))
                .count();
    }
}
