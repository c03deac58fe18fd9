package nl.nabij.api;

import java.util.UUID;

/** Checks the shape of ids before any query runs, so a malformed id is a typed error and an unknown one is null. */
public final class Ids {

    private Ids() {}

    /** The id in canonical form when it is a UUID. */
    public static String requireUuid(String field, String id) {
        String canonical = canonicalUuid(id);
        if (canonical == null) {
            throw new InvalidArgumentException(field, "MALFORMED_ID", field + " must be a UUID");
        }
        return canonical;
    }

    /** The id in canonical form, or null when it is absent or no UUID: for inputs that report errors in a payload. */
    public static String canonicalUuid(String id) {
        try {
            return id == null ? null : UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A CBS code: its two-letter prefix followed by the given number of digits (e.g. BU and eight). */
    public static String requireCbsCode(String field, String code, String prefix, int digits) {
        if (code == null || !code.strip().toUpperCase().matches(prefix + "\\d{" + digits + "}")) {
            throw new InvalidArgumentException(
                    field, "MALFORMED_CODE", field + " must be " + prefix + " followed by " + digits + " digits");
        }
        return code.strip().toUpperCase();
    }
}
