package nl.nabij.network;

/**
 * One link of a network.
 *
 * @param weight how strong it is: for a collaboration 1 for the recorded link plus 1 per household both help; for a
 *     referral the number of referrals; otherwise 1
 */
public record NetworkEdge(String source, String target, Kind kind, double weight) {

    /** What a link stands for. */
    public enum Kind {
        /** A professional seconded to a team. */
        SECONDMENT,
        /** A professional employed by an organisation. */
        EMPLOYMENT,
        /** Two professionals who work together, weighted by shared households and recorded meetings. */
        COLLABORATION,
        /** A team in contact with a vindplaats. */
        CONTACT,
        /** An organisation that referred residents to another (an involvement ended REFERRED, the next one began). */
        REFERRAL
    }
}
