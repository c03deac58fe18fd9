package nl.nabij.account;

import java.util.List;
import java.util.Map;
import nl.nabij.database.GraphQueries;
import nl.nabij.directory.Organisation;
import nl.nabij.directory.Professional;
import nl.nabij.security.CurrentUser;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/**
 * The {@code Account} and {@code AccountGrant} types, the lists of accounts and grants, the account mutations and the
 * second administrator's decisions on grants.
 */
@Controller
class AccountController {

    private static final String PROFESSIONAL =
            """
            UNWIND $keys AS key
            MATCH (p:Professional {id: key})
            RETURN key, p AS value
            """;

    private static final String ORGANISATION =
            """
            UNWIND $keys AS key
            MATCH (o:Organisation {id: key})
            RETURN key, o AS value
            """;

    private final AccountAdministration administration;
    private final AccountGrants grants;
    private final GraphQueries queries;
    private final CurrentUser currentUser;

    AccountController(
            AccountAdministration administration, AccountGrants grants, GraphQueries queries, CurrentUser currentUser) {
        this.administration = administration;
        this.grants = grants;
        this.queries = queries;
        this.currentUser = currentUser;
    }

    @QueryMapping
    Window<Account> accounts(ScrollSubrange subrange) {
        return administration.accounts(subrange);
    }

    @QueryMapping
    Window<AccountGrant> accountGrants(@Argument AccountGrant.Status status, ScrollSubrange subrange) {
        return grants.grants(status, subrange);
    }

    @MutationMapping
    AccountAdministration.Payload createAccount(
            @Argument CreateAccountInput input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return administration.create(currentUser.get(), input, origin);
    }

    @MutationMapping
    AccountAdministration.Payload disableAccount(
            @Argument AccountInputs.Username input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return administration.setEnabled(currentUser.get(), input.username(), false, origin);
    }

    @MutationMapping
    AccountAdministration.Payload enableAccount(
            @Argument AccountInputs.Username input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return administration.setEnabled(currentUser.get(), input.username(), true, origin);
    }

    @MutationMapping
    AccountAdministration.Payload resetPassword(
            @Argument AccountInputs.ResetPassword input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return administration.resetPassword(currentUser.get(), input, origin);
    }

    @MutationMapping
    AccountGrants.Payload approveAccountGrant(
            @Argument AccountInputs.GrantDecision input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return grants.approve(currentUser.get(), input.grantId(), origin);
    }

    @MutationMapping
    AccountGrants.Payload rejectAccountGrant(
            @Argument AccountInputs.GrantDecision input,
            @ContextValue(name = CurrentUser.ORIGIN, required = false) String origin) {
        return grants.reject(currentUser.get(), input.grantId(), origin);
    }

    @BatchMapping(field = "grants")
    Map<Account, List<AccountGrant>> grantsOf(List<Account> accounts) {
        return grants.of(accounts);
    }

    @BatchMapping
    Map<Account, Professional> professional(List<Account> accounts) {
        return queries.one(
                PROFESSIONAL,
                accounts.stream().filter(a -> a.professionalId() != null).toList(),
                Account::professionalId,
                Professional::from);
    }

    @BatchMapping
    Map<Account, Organisation> organisation(List<Account> accounts) {
        return queries.one(
                ORGANISATION,
                accounts.stream().filter(a -> a.organisationId() != null).toList(),
                Account::organisationId,
                Organisation::from);
    }
}
