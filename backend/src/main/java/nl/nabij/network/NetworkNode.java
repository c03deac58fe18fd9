package nl.nabij.network;

/**
 * One node of a network with its metrics.
 *
 * @param detail what kind of team member, organisation or vindplaats it is: a discipline, kind or category
 * @param weightedDegree the sum of the weights of its edges
 * @param betweenness its normalised betweenness centrality: the share of shortest paths between others through it
 * @param component the number of the connected component it belongs to, from 1, the largest first
 * @param isolated whether it has no edge at all
 */
public record NetworkNode(
        String id,
        Kind kind,
        String label,
        String detail,
        int degree,
        double weightedDegree,
        double betweenness,
        int component,
        boolean isolated) {

    /** What a node stands for. */
    public enum Kind {
        TEAM,
        ORGANISATION,
        VINDPLAATS,
        PROFESSIONAL
    }
}
