package nl.nabij.security;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The {@code me} query: who is signed in, so a client can choose the screens of their role. */
@Controller
class SignedInUserController {

    /** Read from the GraphQL context, where the interceptor put the user, as for every other access decision. */
    @QueryMapping
    NabijUser me(DataFetchingEnvironment environment) {
        return environment.getGraphQlContext().get(NabijUser.class);
    }
}
