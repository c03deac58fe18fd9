package nl.nabij.involvement;

import java.time.LocalDate;

/** The input of {@code registerInvolvement}: exactly one of bsn, residentId and householdId names whom it concerns. */
record RegisterInvolvementInput(
        String clientMutationId,
        String bsn,
        String residentId,
        String householdId,
        Domain domain,
        LocalDate since,
        boolean throughTeam) {}
