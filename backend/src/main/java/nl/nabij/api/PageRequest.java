package nl.nabij.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The paging arguments of a connection field, checked: forward with {@code first}/{@code after} or backward with
 * {@code last}/{@code before}, at most {@value #MAXIMUM} nodes a page. Cursors are opaque to clients; inside they
 * carry the sort key and the id of the node they point at, so paging is by keyset and never skips or repeats a node
 * when others are added meanwhile.
 */
public record PageRequest(boolean forward, int size, Cursor cursor) {

    public static final int DEFAULT = 20;
    public static final int MAXIMUM = 100;

    /** The position of a node in a list sorted by {@code sortKey}, then {@code id}. */
    public record Cursor(String sortKey, String id) {

        public String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((sortKey + '\u0000' + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String field, String encoded) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
                int separator = text.indexOf('\u0000');
                if (separator < 0) {
                    throw new IllegalArgumentException("no separator");
                }
                return new Cursor(text.substring(0, separator), text.substring(separator + 1));
            } catch (IllegalArgumentException e) {
                throw new InvalidArgumentException(field, "MALFORMED_CURSOR", field + " is not a cursor of this list");
            }
        }
    }

    public static PageRequest of(Integer first, String after, Integer last, String before) {
        if ((first != null || after != null) && (last != null || before != null)) {
            throw new InvalidArgumentException(
                    "last", "CONFLICTING_PAGING", "page forward (first, after) or backward (last, before), not both");
        }
        if (last != null || before != null) {
            return new PageRequest(false, size("last", last), before == null ? null : Cursor.decode("before", before));
        }
        return new PageRequest(true, size("first", first), after == null ? null : Cursor.decode("after", after));
    }

    private static int size(String field, Integer requested) {
        if (requested == null) {
            return DEFAULT;
        }
        if (requested < 1 || requested > MAXIMUM) {
            throw new InvalidArgumentException(
                    field, "PAGE_SIZE_OUT_OF_RANGE", field + " must be between 1 and " + MAXIMUM);
        }
        return requested;
    }
}
