package nl.nabij.involvement;

import java.util.List;

/**
 * New involvements, in the order they were made, published inside the transaction that registered them (one, or a
 * group committed together), so that what follows from them (matches, their notifications) commits or rolls back
 * together with them.
 */
public record InvolvementsRegistered(List<String> involvementIds) {

    public InvolvementsRegistered {
        involvementIds = List.copyOf(involvementIds);
    }
}
