package nl.nabij.involvement;

import java.time.LocalDate;

/**
 * The input of {@code registerInvolvement}: exactly one of bsn, residentId, householdId and addressAndMember names
 * whom it concerns. A missing legal basis is {@link LegalBasis#PUBLIC_TASK}, as the schema's default says.
 */
record RegisterInvolvementInput(
        String clientMutationId,
        String bsn,
        String residentId,
        String householdId,
        AddressAndMember addressAndMember,
        Domain domain,
        LegalBasis legalBasis,
        LocalDate since,
        boolean throughTeam) {

    LegalBasis legalBasisOrDefault() {
        return legalBasis == null ? LegalBasis.PUBLIC_TASK : legalBasis;
    }

    /**
     * A member named as the professional knows them from the referral: the address they live at, their name and birth
     * year; with {@code wholeHousehold} the registration concerns that member's household.
     */
    record AddressAndMember(
            String postcode,
            int houseNumber,
            String houseNumberAddition,
            String name,
            int birthYear,
            boolean wholeHousehold) {}
}
