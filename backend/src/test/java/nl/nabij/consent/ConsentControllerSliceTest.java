package nl.nabij.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.support.ControllerSlice;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The resident's consent mutations without the database: the input reaches the service as the resident typed it,
 * with the day read as a date and the resident and their address as the actor; a day that is no date is refused
 * before the service runs, and no one but a resident may grant or withdraw.
 */
@GraphQlTest(ConsentController.class)
@Import(ControllerSlice.class)
class ConsentControllerSliceTest {

    private static final NabijUser RESIDENT = TestUsers.demo(Role.RESIDENT);

    @Autowired
    ExecutionGraphQlServiceTester graphQl;

    @MockitoBean
    ConsentService consents;

    private static Map<String, Object> input(String until) {
        Map<String, Object> input = new HashMap<>();
        input.put("professionalId", "5f0c8d3e-0000-4000-8000-0000000000a1");
        input.put("purpose", "Overleg over schulden");
        input.put("until", until);
        return input;
    }

    @Test
    void theInputAndTheActingResidentReachTheService() {
        when(consents.grant(any(), any(), any())).thenReturn(new ConsentService.Payload(null, List.of()));
        when(consents.withdraw(any(), any(), any())).thenReturn(new ConsentService.Payload(null, List.of()));

        ControllerSlice.as(graphQl, RESIDENT)
                .documentName("grantConsent")
                .variable("input", input("2027-01-31"))
                .execute();
        ControllerSlice.as(graphQl, RESIDENT)
                .documentName("withdrawConsent")
                .variable("id", "5f0c8d3e-0000-4000-8000-0000000000c1")
                .execute();

        ArgumentCaptor<GrantConsentInput> granted = ArgumentCaptor.forClass(GrantConsentInput.class);
        verify(consents).grant(eq(RESIDENT), granted.capture(), eq(ControllerSlice.ORIGIN));
        assertThat(granted.getValue())
                .isEqualTo(new GrantConsentInput(
                        null,
                        "5f0c8d3e-0000-4000-8000-0000000000a1",
                        null,
                        "Overleg over schulden",
                        LocalDate.of(2027, 1, 31)));
        verify(consents).withdraw(RESIDENT, "5f0c8d3e-0000-4000-8000-0000000000c1", ControllerSlice.ORIGIN);
    }

    @Test
    void aDayThatIsNoDateIsRefusedBeforeTheServiceRuns() {
        ControllerSlice.as(graphQl, RESIDENT)
                .documentName("grantConsent")
                .variable("input", input("31-01-2027"))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> assertThat(error.getMessage())
                        .contains("YYYY-MM-DD")));
        verifyNoInteractions(consents);
    }

    @Test
    void noOneButAResidentGrantsOrWithdraws() {
        for (Role role : List.of(Role.PROFESSIONAL, Role.TEAM_LEAD, Role.ADMINISTRATOR)) {
            ControllerSlice.as(graphQl, TestUsers.demo(role))
                    .documentName("grantConsent")
                    .variable("input", input("2027-01-31"))
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors)
                            .as(role.name())
                            .singleElement()
                            .satisfies(error ->
                                    assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        }
        verifyNoInteractions(consents);
    }
}
