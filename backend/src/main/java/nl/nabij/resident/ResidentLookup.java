package nl.nabij.resident;

/**
 * Where a resident Nabij does not hold yet comes from: the municipality's register of persons, when one is connected.
 * A registration by BSN asks it before answering that Nabij holds nobody with that number; the resident is then added
 * with their household in the caller's transaction, or nothing is written at all.
 */
public interface ResidentLookup {

    /** No register connected: nobody is added, as when Nabij holds only the residents it was loaded with. */
    ResidentLookup NONE = bsn -> Outcome.NOT_REGISTERED;

    /** Looks up the person with this BSN and adds them with their household, in the current transaction. */
    Outcome admit(Bsn bsn);

    /** What a lookup came to. */
    sealed interface Outcome {

        /** The register knows nobody with this BSN (or nobody Nabij may hold); nothing was written. */
        Outcome NOT_REGISTERED = new NotRegistered();

        /** The person and their household were added. */
        Outcome ADMITTED = new Admitted();

        /** The register did not answer as it should; nothing was written. */
        record Failed(String code, String message) implements Outcome {}

        /** See {@link #NOT_REGISTERED}. */
        record NotRegistered() implements Outcome {}

        /** See {@link #ADMITTED}. */
        record Admitted() implements Outcome {}
    }
}
