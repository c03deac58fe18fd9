package nl.nabij.volunteer;

import java.util.List;

/**
 * What a volunteer sends to register: exactly one of {@code vindplaatsId} and {@code proposedPlace}.
 *
 * @param website a honeypot: a field people do not see and bots fill in
 * @param clientMutationId a key the client chooses, so that a retry whose answer was lost finds the first registration
 */
record RegistrationInput(
        String name,
        String email,
        String phone,
        String postcode,
        String vindplaatsId,
        ProposedPlace proposedPlace,
        List<Offer> offers,
        String availability,
        boolean consentToBeContacted,
        String website,
        String clientMutationId) {

    /** A place the volunteer acts from that Nabij does not know yet. */
    record ProposedPlace(String name, String category) {}
}
