package nl.nabij.brp;

/**
 * The BRP did not answer as it should. The message never holds a BSN: it names the kind of failure and, for an error
 * answer, the Foutbericht's status, code and title.
 */
final class BrpException extends RuntimeException {

    /** What went wrong, each with the code a payload's typed error carries. */
    enum Kind {
        /** The BRP answered with a Foutbericht (RFC 7807): a refused, unauthorised or malformed request. */
        REFUSED("BRP_REFUSED"),
        /** No answer within the configured timeout. */
        TIMEOUT("BRP_TIMEOUT"),
        /** The BRP could not be reached, or answered that it is unavailable (5xx), or answered nonsense. */
        UNAVAILABLE("BRP_UNAVAILABLE");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private final Kind kind;
    private final Personen.Foutbericht problem;

    BrpException(Kind kind, String message, Personen.Foutbericht problem, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.problem = problem;
    }

    Kind kind() {
        return kind;
    }

    /** The Foutbericht the BRP answered with, or null when there was none. */
    Personen.Foutbericht problem() {
        return problem;
    }
}
