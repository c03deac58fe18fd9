package nl.nabij.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.support.ControllerSlice;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The auditor's reads without the database: the acting user and the address they asked from reach the reads, which
 * record the access, and every other role is refused before anything is read.
 */
@GraphQlTest(AuditController.class)
@Import(ControllerSlice.class)
class AuditControllerSliceTest {

    @Autowired
    ExecutionGraphQlServiceTester graphQl;

    @MockitoBean
    AuditReads reads;

    @Test
    void theAuditorAndTheirAddressReachTheReadsThatRecordTheAccess() {
        NabijUser auditor = TestUsers.demo(Role.AUDITOR);
        when(reads.events(any(), any(), any(), any())).thenReturn(Window.from(List.of(), ScrollPosition::offset));

        ControllerSlice.as(graphQl, auditor)
                .documentName("auditEventsOfSubject")
                .variable("subject", "household:42")
                .execute();
        ControllerSlice.as(graphQl, auditor).documentName("auditChainIntact").execute();

        verify(reads).events(eq("household:42"), any(), eq(auditor), eq(ControllerSlice.ORIGIN));
        verify(reads).check(auditor, ControllerSlice.ORIGIN);
    }

    @Test
    void everyOtherRoleIsRefusedAndNothingIsRead() {
        for (Role role : List.of(Role.TEAM_LEAD, Role.ADMINISTRATOR, Role.ANALYST, Role.RESIDENT)) {
            ControllerSlice.as(graphQl, TestUsers.demo(role))
                    .documentName("auditChainIntact")
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors)
                            .as(role.name())
                            .singleElement()
                            .satisfies(error ->
                                    assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        }
        verifyNoInteractions(reads);
    }
}
