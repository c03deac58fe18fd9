package nl.nabij.support;

import java.util.Map;
import nl.nabij.api.ApiSlice;
import nl.nabij.security.CurrentUser;
import nl.nabij.security.NabijUser;
import nl.nabij.security.SecuritySlice;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.test.context.TestSecurityContextHolder;

/**
 * The shared set-up of the {@code @GraphQlTest} slices: one controller, its collaborators as Mockito beans, no
 * database and no HTTP. Import it next to {@code @GraphQlTest(SomeController.class)}; ask as a user with {@link
 * #as}. A slice checks what the controller does with what it is asked (typed errors, refusals, what it passes on),
 * never an answer a mock was told to give.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ApiSlice.class, SecuritySlice.class})
public class ControllerSlice {

    /** The client address the slices ask from, a documentation address (RFC 5737). */
    public static final String ORIGIN = "192.0.2.10";

    /**
     * The tester asking as the user from {@link #ORIGIN}: the user signed in on this thread, where the controller
     * method runs, and in the GraphQL context with the origin, as the endpoint's interceptor puts them for the access
     * rules. The signed-in user is cleared after each test by Spring Security's test support.
     */
    public static GraphQlTester as(ExecutionGraphQlServiceTester tester, NabijUser user) {
        TestSecurityContextHolder.setAuthentication(new TestingAuthenticationToken(user, null, "ROLE_" + user.role()));
        return tester.mutate()
                .configureExecutionInput((input, builder) -> builder.graphQLContext(
                                Map.of(NabijUser.class, user, CurrentUser.ORIGIN, ORIGIN))
                        .build())
                .build();
    }
}
