package nl.nabij.audit;

import java.util.List;

/**
 * One access to personal data, as the code that performed it describes it.
 *
 * @param action READ, SEARCH, EXPORT or CHANGE; SIGN_IN for a sign-in lock
 * @param granted whether the access was allowed (denied attempts are logged too)
 * @param purpose why the data was accessed, e.g. {@code household-view}
 * @param basis the rule that allowed or refused it, e.g. {@code involved-professional}
 * @param subjects the pseudonyms of the residents whose data it was
 */
public record AuditEntry(String action, boolean granted, String purpose, String basis, List<String> subjects) {}
