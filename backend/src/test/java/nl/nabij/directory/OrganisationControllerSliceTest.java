package nl.nabij.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import nl.nabij.security.Role;
import nl.nabij.support.ControllerSlice;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The organisation queries without the database: a malformed id and paging arguments out of bounds are typed errors
 * that never reach the queries, a page asked for reaches them as asked, and a resident is refused the directory.
 */
@GraphQlTest(OrganisationController.class)
@Import(ControllerSlice.class)
class OrganisationControllerSliceTest {

    @Autowired
    ExecutionGraphQlServiceTester graphQl;

    @MockitoBean
    OrganisationRepository organisations;

    @MockitoBean
    DirectoryQueries queries;

    @MockitoBean
    OrganisationAdministration administration;

    private GraphQlTester staff() {
        return ControllerSlice.as(graphQl, TestUsers.teamLead());
    }

    private static void typedError(GraphQlTester.Response response, String field, String code) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(error.getExtensions()).containsEntry("field", field).containsEntry("code", code);
        }));
    }

    @Test
    void aMalformedIdIsATypedErrorAndNothingIsLookedUp() {
        typedError(
                staff().documentName("organisationCareLine")
                        .variable("id", "not-a-uuid")
                        .execute(),
                "id",
                "MALFORMED_ID");
        verifyNoInteractions(organisations);
    }

    @Test
    void pagingArgumentsOutOfBoundsAreTypedErrorsAndNothingIsAsked() {
        typedError(staff().documentName("organisationsTooMany").execute(), "first", "PAGE_SIZE_OUT_OF_RANGE");
        typedError(staff().documentName("organisationsAfterBadCursor").execute(), "after", "MALFORMED_CURSOR");
        typedError(staff().documentName("organisationsBothWays").execute(), "last", "CONFLICTING_PAGING");
        verifyNoInteractions(queries);
    }

    @Test
    void thePageAskedForReachesTheQueriesAsAsked() {
        when(queries.organisations(any())).thenReturn(Window.from(List.of(), ScrollPosition::offset));

        staff().documentName("organisationsForward").variable("after", null).execute();

        ArgumentCaptor<ScrollSubrange> asked = ArgumentCaptor.forClass(ScrollSubrange.class);
        verify(queries).organisations(asked.capture());
        assertThat(asked.getValue().count()).hasValue(7);
        assertThat(asked.getValue().forward()).isTrue();
    }

    @Test
    void aResidentIsRefusedTheDirectoryAndNothingIsAsked() {
        ControllerSlice.as(graphQl, TestUsers.demo(Role.RESIDENT))
                .documentName("organisationsForward")
                .variable("after", null)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> assertThat(
                                error.getErrorType().toString())
                        .isEqualTo("FORBIDDEN")));
        verifyNoInteractions(queries);
    }
}
