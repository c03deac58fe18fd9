package nl.nabij.network;

import java.util.List;

/**
 * A network with its figures. Density is that of the whole graph: edges over possible edges. The coverage counts
 * the vindplaatsen in the area that a team serving it is in contact with.
 */
public record Network(
        NetworkScope scope,
        List<NetworkNode> nodes,
        List<NetworkEdge> edges,
        double density,
        int componentCount,
        Coverage informalVindplaatsen,
        Coverage formalVindplaatsen) {

    /** How many vindplaatsen of a kind the area has, and with how many of them its teams are in contact. */
    public record Coverage(int total, int inContact) {

        public double share() {
            return total == 0 ? 0 : (double) inContact / total;
        }
    }
}
