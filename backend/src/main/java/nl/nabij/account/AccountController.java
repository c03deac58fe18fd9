package nl.nabij.account;

import java.util.List;
import java.util.Map;
import nl.nabij.directory.Organisation;
import nl.nabij.directory.Professional;
import nl.nabij.security.Actor;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
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

    private final AccountAdministration administration;
    private final AccountGrants grants;
    private final AccountQueries queries;

    AccountController(AccountAdministration administration, AccountGrants grants, AccountQueries queries) {
        this.administration = administration;
        this.grants = grants;
        this.queries = queries;
    }

    @QueryMapping
    Window<Account> accounts(ScrollSubrange subrange) {
        return queries.accounts(subrange);
    }

    @QueryMapping
    Window<AccountGrant> accountGrants(@Argument AccountGrant.Status status, ScrollSubrange subrange) {
        return queries.grants(status, subrange);
    }

    @MutationMapping
    AccountAdministration.Payload createAccount(@Argument CreateAccountInput input, Actor actor) {
        return administration.create(actor.user(), input, actor.origin());
    }

    @MutationMapping
    AccountAdministration.Payload disableAccount(@Argument AccountInputs.Username input, Actor actor) {
        return administration.setEnabled(actor.user(), input.username(), false, actor.origin());
    }

    @MutationMapping
    AccountAdministration.Payload enableAccount(@Argument AccountInputs.Username input, Actor actor) {
        return administration.setEnabled(actor.user(), input.username(), true, actor.origin());
    }

    @MutationMapping
    AccountAdministration.Payload resetPassword(@Argument AccountInputs.ResetPassword input, Actor actor) {
        return administration.resetPassword(actor.user(), input, actor.origin());
    }

    @MutationMapping
    AccountGrants.Payload approveAccountGrant(@Argument AccountInputs.GrantDecision input, Actor actor) {
        return grants.approve(actor.user(), input.grantId(), actor.origin());
    }

    @MutationMapping
    AccountGrants.Payload rejectAccountGrant(@Argument AccountInputs.GrantDecision input, Actor actor) {
        return grants.reject(actor.user(), input.grantId(), actor.origin());
    }

    @BatchMapping(field = "grants")
    Map<Account, List<AccountGrant>> grantsOf(List<Account> accounts) {
        return queries.grantsOf(accounts);
    }

    @BatchMapping
    Map<Account, Professional> professional(List<Account> accounts) {
        return queries.professionalsOf(accounts);
    }

    @BatchMapping
    Map<Account, Organisation> organisation(List<Account> accounts) {
        return queries.organisationsOf(accounts);
    }
}
