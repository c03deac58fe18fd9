package nl.nabij.account;

import nl.nabij.security.Role;

/**
 * The input of {@code createAccount}; which of professionalId, teamId and organisationId apply depends on the role.
 * It takes no BSN: resident accounts come only from the identity provider.
 */
record CreateAccountInput(
        String clientMutationId,
        String username,
        String password,
        Role role,
        String professionalId,
        String teamId,
        String organisationId) {}
