package nl.nabij.steering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import nl.nabij.api.InvalidArgumentException;
import nl.nabij.disclosure.DisclosureControl;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.support.ControllerSlice;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The steering questions without the database: the area and period reach the service as asked, the read is recorded
 * for disclosure control with the arguments and the analyst's address, a question the service refuses is a typed
 * error and no recorded read, and the roles without steering figures are refused before anything runs.
 */
@GraphQlTest(SteeringController.class)
@Import(ControllerSlice.class)
class SteeringControllerSliceTest {

    private static final NabijUser ANALYST = TestUsers.demo(Role.ANALYST);
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 3, 31);

    @Autowired
    ExecutionGraphQlServiceTester graphQl;

    @MockitoBean
    SteeringService steering;

    @MockitoBean
    DisclosureControl disclosure;

    @Test
    void theQuestionReachesTheServiceAsAskedAndIsRecordedAsARead() {
        ControllerSlice.as(graphQl, ANALYST)
                .documentName("clientism")
                .variable("code", "WK990101")
                .variable("from", FROM.toString())
                .variable("to", TO.toString())
                .execute();

        verify(steering).clientism(new SteeringService.AreaPeriod("WK990101", FROM, TO), ANALYST);
        verify(disclosure)
                .recordRead(ANALYST, ControllerSlice.ORIGIN, "clientism", "code", "WK990101", "from", FROM, "to", TO);
    }

    @Test
    void aQuestionTheServiceRefusesIsATypedErrorAndNoRecordedRead() {
        when(steering.clientism(any(), any()))
                .thenThrow(new InvalidArgumentException("code", "MALFORMED_CODE", "code must be a CBS code"));

        ControllerSlice.as(graphQl, ANALYST)
                .documentName("clientism")
                .variable("code", "Haven")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(error.getExtensions())
                            .containsEntry("field", "code")
                            .containsEntry("code", "MALFORMED_CODE");
                }));
        verifyNoInteractions(disclosure);
    }

    @Test
    void theRolesWithoutSteeringFiguresAreRefusedBeforeAnythingRuns() {
        for (Role role : List.of(Role.RESIDENT, Role.VOLUNTEER, Role.AUDITOR)) {
            ControllerSlice.as(graphQl, TestUsers.demo(role))
                    .documentName("clientism")
                    .variable("code", "WK990101")
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors)
                            .as(role.name())
                            .singleElement()
                            .satisfies(error ->
                                    assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        }
        verifyNoInteractions(steering, disclosure);
    }
}
