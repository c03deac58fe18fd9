package nl.nabij.network;

import java.util.List;

/**
 * The figures of one network that a comparison puts side by side, each a number.
 *
 * @param name what the figure is, e.g. {@code density}
 */
public record NetworkFigures(NetworkScope scope, List<Figure> figures) {

    public record Figure(String name, double value) {}

    static NetworkFigures of(Network network, MissingLinks missing) {
        return new NetworkFigures(
                network.scope(),
                List.of(
                        new Figure("teams", count(network, NetworkNode.Kind.TEAM)),
                        new Figure("organisations", count(network, NetworkNode.Kind.ORGANISATION)),
                        new Figure("professionals", count(network, NetworkNode.Kind.PROFESSIONAL)),
                        new Figure("vindplaatsen", count(network, NetworkNode.Kind.VINDPLAATS)),
                        new Figure("links", network.edges().size()),
                        new Figure("density", network.density()),
                        new Figure("components", network.componentCount()),
                        new Figure(
                                "isolated",
                                network.nodes().stream()
                                        .filter(NetworkNode::isolated)
                                        .count()),
                        new Figure(
                                "informalVindplaatsenInContactShare",
                                network.informalVindplaatsen().share()),
                        new Figure(
                                "formalVindplaatsenInContactShare",
                                network.formalVindplaatsen().share()),
                        new Figure(
                                "missingVindplaatsContacts",
                                missing.vindplaatsContacts().size()),
                        new Figure("missingDisciplines", missing.disciplines().size()),
                        new Figure("predictedLinks", missing.predictedLinks().size()),
                        new Figure(
                                "unlinkedOrganisations",
                                missing.unlinkedOrganisations().size())));
    }

    private static long count(Network network, NetworkNode.Kind kind) {
        return network.nodes().stream().filter(node -> node.kind() == kind).count();
    }
}
