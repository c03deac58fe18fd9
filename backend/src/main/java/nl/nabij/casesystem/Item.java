package nl.nabij.casesystem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import nl.nabij.api.InputError;
import nl.nabij.involvement.Domain;
import nl.nabij.involvement.EndReason;
import tools.jackson.databind.JsonNode;

/**
 * One line of a bulk request, checked for shape before anything is looked up.
 *
 * @param line the 1-based line number, to name a line without a usable key
 */
record Item(
        int line,
        String key,
        Operation operation,
        String employeeReference,
        String bsn,
        Domain domain,
        LocalDate since,
        String involvementId,
        LocalDate until,
        EndReason reason) {

    static final int LONGEST_KEY = 100;

    enum Operation {
        REGISTER,
        RENEW,
        END
    }

    /** A line that could not be read as an item: the key it names if any, and why. */
    record Malformed(String key, List<InputError> errors) {}

    /** The item of this line, or a {@link Malformed} with every problem found. */
    static Object parse(int line, JsonNode node) {
        List<InputError> errors = new ArrayList<>();
        String key = text(node, "key");
        if (key == null || key.isBlank() || key.length() > LONGEST_KEY) {
            errors.add(new InputError("key", "KEY_REQUIRED", "key is 1 to " + LONGEST_KEY + " characters"));
        }
        Operation operation = constant(node, "operation", Operation.class, errors);
        String employeeReference = text(node, "employeeReference");
        if (employeeReference == null || employeeReference.isBlank()) {
            errors.add(new InputError("employeeReference", "REQUIRED", "employeeReference is required"));
        }
        String bsn = text(node, "bsn");
        Domain domain = null;
        LocalDate since = null;
        String involvementId = text(node, "involvementId");
        LocalDate until = null;
        EndReason reason = null;
        if (operation == Operation.REGISTER) {
            if (bsn == null) {
                errors.add(new InputError("bsn", "REQUIRED", "bsn is required to register"));
            }
            domain = constant(node, "domain", Domain.class, errors);
            since = date(node, "since", errors);
        } else if (operation != null) {
            if (involvementId == null) {
                errors.add(new InputError("involvementId", "REQUIRED", "involvementId is required to renew or end"));
            }
            if (operation == Operation.END) {
                until = date(node, "until", errors);
                reason = constant(node, "reason", EndReason.class, errors);
            }
        }
        if (!errors.isEmpty()) {
            return new Malformed(key, errors);
        }
        return new Item(line, key, operation, employeeReference, bsn, domain, since, involvementId, until, reason);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static <E extends Enum<E>> E constant(JsonNode node, String field, Class<E> type, List<InputError> errors) {
        String value = text(node, field);
        try {
            return Enum.valueOf(type, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            errors.add(new InputError(field, "INVALID_VALUE", field + " is one of the documented values"));
            return null;
        }
    }

    private static LocalDate date(JsonNode node, String field, List<InputError> errors) {
        String value = text(node, field);
        try {
            return LocalDate.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            errors.add(new InputError(field, "INVALID_DATE", field + " is a date as yyyy-mm-dd"));
            return null;
        }
    }
}
