package nl.nabij.security;

/** A built-in account as a sign-in checks it: the password hash, whether it is enabled, and its user. */
record AccountDetails(NabijUser user, String passwordHash, boolean enabled) {}
