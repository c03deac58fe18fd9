package nl.nabij.casesystem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import nl.nabij.api.InputError;

/**
 * The answer to one item, one NDJSON line.
 *
 * @param key the item's idempotency key as sent
 * @param status DONE (committed, or committed by an earlier call: then {@code replayed}) or REFUSED (nothing written)
 * @param involvementId the involvement registered, renewed or ended
 * @param created whether a registration made a new involvement (false when an active one already existed)
 * @param replayed whether this is the stored result of an earlier call with the same key
 * @param errors the typed errors of a refused item
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ItemResult(
        String key, String status, String involvementId, Boolean created, boolean replayed, List<InputError> errors) {

    static final String DONE = "DONE";
    static final String REFUSED = "REFUSED";

    static ItemResult refused(String key, InputError... errors) {
        return new ItemResult(key, REFUSED, null, null, false, List.of(errors));
    }

    static ItemResult refused(String key, List<InputError> errors) {
        return new ItemResult(key, REFUSED, null, null, false, errors);
    }

    ItemResult asReplay() {
        return new ItemResult(key, status, involvementId, created, true, errors);
    }
}
