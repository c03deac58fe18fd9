package nl.nabij.api;

/**
 * Input that cannot be right, whatever is in the database. It names the argument so a client can point at the
 * field, and its message never repeats the value: some arguments (a BSN) must not travel back or into a log.
 */
public class InvalidArgumentException extends RuntimeException {

    private final String field;
    private final String code;

    public InvalidArgumentException(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
