package nl.nabij.consent;

import java.time.LocalDate;

/** The input of {@code grantConsent}: exactly one recipient, a purpose and the last day; and the client's retry key. */
record GrantConsentInput(
        String clientMutationId, String professionalId, String organisationId, String purpose, LocalDate until) {}
