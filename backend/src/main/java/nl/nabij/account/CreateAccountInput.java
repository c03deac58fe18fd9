package nl.nabij.account;

import nl.nabij.security.Role;

/** The input of {@code createAccount}; which of professionalId, bsn and organisationId apply depends on the role. */
record CreateAccountInput(
        String username, String password, Role role, String professionalId, String bsn, String organisationId) {}
