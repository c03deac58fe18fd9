package nl.nabij.api;

import java.util.Optional;

/**
 * The {@code clientMutationId} of a creating mutation: a key the client chooses, unique per user, so that a retry
 * whose first answer was lost returns what the first call made instead of making it twice. Each feature keeps the key
 * on what it creates and looks it up from the user's own node, under a lock on that node, before it creates anything.
 */
public final class ClientMutationIds {

    public static final int LONGEST = 64;

    private ClientMutationIds() {}

    /** The key as stored: without surrounding blanks; null when the client gave none. */
    public static String normalised(String clientMutationId) {
        return clientMutationId == null ? null : clientMutationId.strip();
    }

    /** What is wrong with a key the client gave, if anything. */
    public static Optional<InputError> problem(String clientMutationId) {
        if (clientMutationId != null && (clientMutationId.isBlank() || clientMutationId.length() > LONGEST)) {
            return Optional.of(new InputError(
                    "clientMutationId",
                    "CLIENT_MUTATION_ID_LENGTH",
                    "clientMutationId is 1 to " + LONGEST + " characters"));
        }
        return Optional.empty();
    }
}
