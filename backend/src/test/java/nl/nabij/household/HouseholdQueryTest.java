package nl.nabij.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.StatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** "Who is already involved with this household?", asked over HTTP the way the README shows it. */
@NabijIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HouseholdQueryTest {

    static final CaseHousehold CASE = CaseHousehold.fromSeed();

    @LocalServerPort
    int port;

    @Autowired
    StatementCounter statements;

    HttpGraphQlTester graphQl;

    @BeforeEach
    void connect() {
        graphQl = GraphQlClients.overHttp(port);
    }

    private HttpGraphQlTester.Response fullView(String postcode) {
        return graphQl.documentName("whoIsInvolved")
                .variable("postcode", postcode)
                .variable("houseNumber", CaseHousehold.HOUSE_NUMBER)
                .execute();
    }

    @Test
    void theDocumentedCaseShowsFifteenProfessionalsFromAtLeastEightOrganisations() {
        var response = fullView("1311 hv");

        response.path("householdsAtAddress").entityList(Object.class).hasSize(1);
        response.path("householdsAtAddress[0].id")
                .entity(String.class)
                .isEqualTo(CASE.household().id());
        response.path("householdsAtAddress[0].overlap.professionalCount")
                .entity(Integer.class)
                .isEqualTo(15);
        response.path("householdsAtAddress[0].overlap.organisationCount")
                .entity(Integer.class)
                .satisfies(count -> assertThat(count).isGreaterThanOrEqualTo(8))
                .isEqualTo(CASE.organisations().size());
        response.path("householdsAtAddress[0].overlap.uncoordinatedPairCount")
                .entity(Integer.class)
                .isEqualTo(CASE.uncoordinatedPairs());
        response.path("householdsAtAddress[0].overlap.uncoordinatedPairs")
                .entityList(Object.class)
                .hasSize(CASE.uncoordinatedPairs());
        response.path("householdsAtAddress[0].involvements[*].professional.name")
                .entityList(String.class)
                .satisfies(names -> assertThat(names.stream().distinct()).hasSize(15));
        response.path("householdsAtAddress[0].members")
                .entityList(Object.class)
                .hasSize(CASE.household().members().size());
        response.path("householdsAtAddress[0].coordinator").valueIsNull();
    }

    @Test
    void theFullViewCostsAtMostThreeStatementsPlusItsAuditEvent() {
        statements.reset();

        fullView(CaseHousehold.POSTCODE)
                .path("householdsAtAddress[0].overlap.professionalCount")
                .hasValue();

        assertThat(statements.dataStatements()).isBetween(1L, 3L);
        assertThat(statements.auditStatements())
                .as("append the event, unsealed; lock a lane before the commit")
                .isEqualTo(2);
    }

    @Test
    void aHouseholdWithItsCircleIsOneStatementAndLogsNoWarning(CapturedOutput output) {
        statements.reset();

        graphQl.documentName("householdCircle")
                .variable("id", CASE.household().id())
                .execute()
                .path("household.members")
                .entityList(Object.class)
                .hasSize(CASE.household().members().size())
                .path("household.involvements[*].professional.name")
                .entityList(String.class)
                .satisfies(names -> assertThat(names.stream().distinct()).hasSize(15));

        assertThat(statements.dataStatements())
                .as("the household, the check that the user may see it, and its circle")
                .isEqualTo(1);
        // A store without a confidential resident has no such property; the database does not warn about it per view.
        assertThat(output.getAll()).doesNotContain("does not exist");
    }

    @Test
    void aResidentsBsnFindsTheirHouseholdAndNeverComesBack(CapturedOutput output) {
        String bsn = CASE.aMembersBsn();

        graphQl.documentName("householdOfResident")
                .variable("bsn", bsn)
                .execute()
                .path("householdOfResident.id")
                .entity(String.class)
                .isEqualTo(CASE.household().id());

        assertThat(output.getAll()).doesNotContain(bsn);
    }

    @Test
    void anInvalidBsnIsATypedErrorNamingTheFieldThatDoesNotRepeatIt(CapturedOutput output) {
        String invalid = "123456789";

        graphQl.documentName("householdOfResident")
                .variable("bsn", invalid)
                .execute()
                .errors()
                .satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions())
                            .containsEntry("field", "bsn")
                            .containsEntry("code", "INVALID_BSN")
                            .containsEntry("classification", "BAD_REQUEST");
                    assertThat(errors.get(0).getMessage()).doesNotContain(invalid);
                })
                .path("householdOfResident")
                .valueIsNull();
        assertThat(output.getAll()).doesNotContain(invalid);
    }

    @Test
    void anUnknownIdIsNullAndAMalformedOneATypedError() {
        graphQl.documentName("householdUnknownId").execute().path("household").valueIsNull();

        graphQl.documentName("householdMalformedId")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> assertThat(
                                error.getExtensions())
                        .containsEntry("field", "id")
                        .containsEntry("code", "MALFORMED_ID")))
                .path("household")
                .valueIsNull();
    }

    @Test
    void aMalformedPostcodeOrHouseNumberIsATypedErrorNamingTheField() {
        record Bad(String postcode, int houseNumber, String field) {}
        for (Bad bad : List.of(
                new Bad("0311HV", 15, "postcode"),
                new Bad("1311SS", 15, "postcode"),
                new Bad("1311HV", 0, "houseNumber"))) {
            graphQl.documentName("householdsAtAddressIds")
                    .variable("postcode", bad.postcode())
                    .variable("houseNumber", bad.houseNumber())
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> assertThat(
                                    error.getExtensions())
                            .containsEntry("field", bad.field())));
        }
    }

    @Test
    void householdsOfANeighbourhoodPageByAddressWithoutGapsOrRepeats() {
        String code = CASE.household().neighbourhoodCode();
        long expected = SeedCounts.householdsIn(code);
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            var response = graphQl.documentName("householdsOfNeighbourhoodPage")
                    .variable("code", code)
                    .variable("after", after)
                    .execute();
            seen.addAll(response.path("households.edges[*].node.id")
                    .entityList(String.class)
                    .get());
            more = response.path("households.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .get();
            after = response.path("households.pageInfo.endCursor")
                    .entity(String.class)
                    .get();
        }
        assertThat(seen).hasSize((int) expected).doesNotHaveDuplicates();
    }
}
