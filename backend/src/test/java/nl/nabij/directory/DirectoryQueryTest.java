package nl.nabij.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The care landscape: organisations, teams, neighbourhoods and vindplaatsen with their links and pages. */
@NabijIntegrationTest
class DirectoryQueryTest {

    static final SeedData SEED = SeedData.fromClasspath();

    @LocalServerPort
    int port;

    HttpGraphQlTester graphQl;

    @BeforeEach
    void connect() {
        graphQl = GraphQlClients.overHttp(port);
    }

    @Test
    void organisationsPageForwardAndBackInNameOrder() {
        List<String> names = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            var response = graphQl.documentName("organisationsForward")
                    .variable("after", after)
                    .execute();
            names.addAll(response.path("organisations.edges[*].node.name")
                    .entityList(String.class)
                    .get());
            more = response.path("organisations.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .get();
            after = response.path("organisations.pageInfo.endCursor")
                    .entity(String.class)
                    .get();
        }
        assertThat(names)
                .hasSize(SEED.organisations().size())
                .isSortedAccordingTo(String::compareTo)
                .doesNotHaveDuplicates();

        var backward = graphQl.documentName("organisationsBackward")
                .variable("before", after)
                .execute();
        backward.path("organisations.edges[*].node.name")
                .entityList(String.class)
                .isEqualTo(names.subList(names.size() - 4, names.size() - 1));
        // Paging backward, hasPreviousPage tells that more organisations precede these three.
        backward.path("organisations.pageInfo.hasPreviousPage")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    @Test
    void pagingArgumentsAreChecked() {
        graphQl.documentName("organisationsTooMany").execute().errors().satisfy(errors -> assertThat(
                        errors.get(0).getExtensions())
                .containsEntry("field", "first"));
        graphQl.documentName("organisationsAfterBadCursor").execute().errors().satisfy(errors -> assertThat(
                        errors.get(0).getExtensions())
                .containsEntry("field", "after"));
    }

    @Test
    void wijkteamsLackDistrictNursingAndYouthHealthCareAsInReality() {
        graphQl.documentName("teams")
                .execute()
                .path("teams.edges[*].node.name")
                .entityList(String.class)
                .contains("Wijkteam Haven", "Wijkteam Poort")
                .path("teams.edges[*].node.members[*].discipline")
                .entityList(String.class)
                .doesNotContain("DISTRICT_NURSING", "YOUTH_HEALTH_CARE")
                .path("teams.edges[*].node.organisations[*].kind")
                .entityList(String.class)
                .contains("CARE_GROUP", "CLIENT_SUPPORT", "VOLUNTEER_CENTRE", "WELFARE", "MUNICIPALITY");
    }

    @Test
    void informalVindplaatsenAreListedWithTheirNeighbourhoodAndContacts() {
        long informal = SEED.vindplaatsen().stream()
                .filter(v -> v.kind() == SeedData.VindplaatsKind.INFORMAL)
                .count();
        graphQl.documentName("informalVindplaatsen")
                .execute()
                .path("vindplaatsen.edges[*].node.kind")
                .entityList(String.class)
                .hasSize((int) informal)
                .satisfies(kinds -> assertThat(kinds).containsOnly("INFORMAL"));
    }

    @Test
    void theMunicipalityHasHavenAndPoortWithTheirNeighbourhoods() {
        graphQl.documentName("municipality")
                .execute()
                .path("municipality.code")
                .entity(String.class)
                .isEqualTo("GM9901")
                .path("municipality.districts[*].name")
                .entityList(String.class)
                .containsExactly("Haven", "Poort");
    }

    @Test
    void aProfessionalShowsEmployerTeamsAndCollaborators() {
        SeedData.Professional seconded = SEED.professionals().stream()
                .filter(p -> p.teamId() != null)
                .findFirst()
                .orElseThrow();
        graphQl.documentName("professional")
                .variable("id", seconded.id())
                .execute()
                .path("professional.organisation.id")
                .entity(String.class)
                .isEqualTo(seconded.organisationId())
                .path("professional.teams[*].id")
                .entityList(String.class)
                .containsExactly(seconded.teamId());
    }

    @Test
    void aMalformedNeighbourhoodCodeIsATypedError() {
        graphQl.documentName("neighbourhoodByName").execute().errors().satisfy(errors -> assertThat(
                        errors.get(0).getExtensions())
                .containsEntry("field", "code"));
    }
}
