package nl.nabij.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

/** A resident's access export: their data, who is involved, and who looked, this export included. */
@NabijIntegrationTest
class MyDataTest {

    private static final SeedData SEED = SeedData.fromClasspath();
    private static final SeedData.Household CASE = SEED.caseHousehold();
    private static final String TEAM_LEADS_EMPLOYER = SEED.organisations().stream()
            .filter(organisation ->
                    organisation.id().equals(TestUsers.teamLead().organisationId()))
            .findFirst()
            .orElseThrow()
            .name();

    @LocalServerPort
    int port;

    @Test
    void aResidentExportsTheirDataWithEveryAccessByNameAndTheExportItself() {
        GraphQlClients.overHttp(port, TestUsers.teamLead())
                .documentName("householdId")
                .variable("id", CASE.id())
                .execute()
                .path("household.id")
                .hasValue();

        var export = GraphQlClients.overHttp(port, TestUsers.demo(Role.RESIDENT))
                .documentName("myDataExport")
                .execute();

        export.path("myData.resident.displayName")
                .entity(String.class)
                .isEqualTo(CASE.members().get(0).displayName());
        export.path("myData.household.id").entity(String.class).isEqualTo(CASE.id());
        export.path("myData.household.involvements").entityList(Object.class).hasSizeGreaterThan(10);
        List<Map<String, Object>> log = export.path("myData.accessLog")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        assertThat(log)
                .anySatisfy(access -> assertThat(access)
                        .containsEntry("role", "TEAM_LEAD")
                        .containsEntry("account", "teamlead")
                        .containsEntry("organisation", TEAM_LEADS_EMPLOYER)
                        .containsEntry("purpose", "household-view")
                        .containsEntry("outcome", "GRANTED"))
                .last()
                .satisfies(access -> assertThat(access)
                        .containsEntry("action", "EXPORT")
                        .containsEntry("purpose", "access-export")
                        .containsEntry("role", "RESIDENT"));
        assertThat(log).noneSatisfy(access -> assertThat(access.get("who")).isEqualTo("teamlead"));
    }

    @Test
    void aResidentPagesThroughTheirAccessLogNewestFirst() {
        var resident = GraphQlClients.overHttp(port, TestUsers.demo(Role.RESIDENT));
        // Each export is an access of its own: after three, the log holds at least two pages of two.
        resident.documentName("myDataExport").execute();
        resident.documentName("myDataExport").execute();
        List<Map<String, Object>> whole = resident.documentName("myDataExport")
                .execute()
                .path("myData.accessLog")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();

        var first =
                resident.documentName("myAccessLogPage").variable("offset", 0).execute();
        first.path("myAccessLog.totalCount").entity(Integer.class).isEqualTo(whole.size());
        List<Map<String, Object>> newest = first.path("myAccessLog.records")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        assertThat(newest).containsExactly(whole.getLast(), whole.get(whole.size() - 2));
        resident.documentName("myAccessLogPage")
                .variable("offset", 2)
                .execute()
                .path("myAccessLog.records")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .satisfies(next ->
                        assertThat(next).containsExactly(whole.get(whole.size() - 3), whole.get(whole.size() - 4)));

        resident.documentName("myAccessLogCount").execute().errors().satisfy(errors -> assertThat(
                        errors.get(0).getExtensions())
                .containsEntry("code", "PAGE_SIZE_OUT_OF_RANGE"));
    }

    @Test
    void nobodyButTheResidentCanExport() {
        GraphQlClients.overHttp(port, TestUsers.teamLead())
                .documentName("myDataExport")
                .execute()
                .errors()
                .satisfy(errors ->
                        assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
    }
}
