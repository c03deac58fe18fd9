package nl.nabij.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.nabij.disclosure.DisclosurePolicy;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * Builds the network from the facts and computes its metrics with JGraphT. Betweenness and components are taken on
 * the unweighted graph: a weight here is the strength of a tie, not a distance, and Brandes' algorithm would read it as
 * one. Parallel links between two nodes (a referral each way) count once in degree and sum in weighted degree. Under
 * disclosure control a collaboration's weight adds the households both help only from the minimum cell size on.
 */
final class NetworkAnalysis {

    private NetworkAnalysis() {}

    static Network of(NetworkScope scope, NetworkFacts facts, DisclosurePolicy policy) {
        Map<String, NetworkNode> blank = new LinkedHashMap<>();
        facts.teams().forEach(t -> blank.put(t.id(), node(t.id(), NetworkNode.Kind.TEAM, t.name(), "WIJKTEAM")));
        facts.organisations()
                .forEach(o -> blank.put(o.id(), node(o.id(), NetworkNode.Kind.ORGANISATION, o.name(), o.kind())));
        facts.vindplaatsen()
                .forEach(v -> blank.put(v.id(), node(v.id(), NetworkNode.Kind.VINDPLAATS, v.name(), v.category())));
        facts.professionals()
                .forEach(p -> blank.put(p.id(), node(p.id(), NetworkNode.Kind.PROFESSIONAL, p.name(), p.discipline())));
        List<NetworkEdge> edges = edges(facts, policy);

        Graph<String, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
        blank.keySet().forEach(graph::addVertex);
        Map<String, Double> weighted = new HashMap<>();
        for (NetworkEdge edge : edges) {
            if (!edge.source().equals(edge.target())) {
                graph.addEdge(edge.source(), edge.target());
            }
            weighted.merge(edge.source(), edge.weight(), Double::sum);
            weighted.merge(edge.target(), edge.weight(), Double::sum);
        }
        Map<String, Double> betweenness = new BetweennessCentrality<>(graph, true).getScores();
        List<Set<String>> components = new ArrayList<>(new ConnectivityInspector<>(graph).connectedSets());
        components.sort(Comparator.<Set<String>>comparingInt(Set::size).reversed());
        Map<String, Integer> componentOf = new HashMap<>();
        for (int i = 0; i < components.size(); i++) {
            for (String id : components.get(i)) {
                componentOf.put(id, i + 1);
            }
        }
        List<NetworkNode> nodes = blank.values().stream()
                .map(n -> new NetworkNode(
                        n.id(),
                        n.kind(),
                        n.label(),
                        n.detail(),
                        graph.degreeOf(n.id()),
                        weighted.getOrDefault(n.id(), 0.0),
                        betweenness.getOrDefault(n.id(), 0.0),
                        componentOf.get(n.id()),
                        graph.degreeOf(n.id()) == 0))
                .toList();
        int vertices = graph.vertexSet().size();
        double density = vertices < 2 ? 0 : 2.0 * graph.edgeSet().size() / ((double) vertices * (vertices - 1));
        return new Network(
                scope,
                nodes,
                edges,
                density,
                components.size(),
                coverage(facts, "INFORMAL"),
                coverage(facts, "FORMAL"));
    }

    private static NetworkNode node(String id, NetworkNode.Kind kind, String label, String detail) {
        return new NetworkNode(id, kind, label, detail, 0, 0, 0, 0, true);
    }

    private static List<NetworkEdge> edges(NetworkFacts facts, DisclosurePolicy policy) {
        List<NetworkEdge> edges = new ArrayList<>();
        facts.secondments()
                .forEach(s -> edges.add(new NetworkEdge(s.professional(), s.team(), NetworkEdge.Kind.SECONDMENT, 1)));
        facts.professionals()
                .forEach(p -> edges.add(new NetworkEdge(p.id(), p.organisation(), NetworkEdge.Kind.EMPLOYMENT, 1)));
        Map<String, Set<String>> households = householdsOf(facts.helping());
        facts.collaborations().forEach(pair -> {
            int shared = shared(households, pair.first(), pair.second());
            int shown = policy.small(shared) ? 0 : shared;
            edges.add(new NetworkEdge(pair.first(), pair.second(), NetworkEdge.Kind.COLLABORATION, 1 + shown));
        });
        facts.contacts()
                .forEach(c -> edges.add(new NetworkEdge(c.team(), c.vindplaats(), NetworkEdge.Kind.CONTACT, 1)));
        Map<List<String>, Integer> referrals = new LinkedHashMap<>();
        facts.referrals().forEach(r -> referrals.merge(List.of(r.from(), r.to()), 1, Integer::sum));
        referrals.forEach((pair, count) ->
                edges.add(new NetworkEdge(pair.get(0), pair.get(1), NetworkEdge.Kind.REFERRAL, count)));
        return edges;
    }

    /** Per professional, the households of the area they helped that day. */
    static Map<String, Set<String>> householdsOf(Collection<NetworkFacts.Helping> helping) {
        Map<String, Set<String>> households = new HashMap<>();
        helping.forEach(h -> households
                .computeIfAbsent(h.professional(), k -> new HashSet<>())
                .add(h.household()));
        return households;
    }

    static int shared(Map<String, Set<String>> households, String first, String second) {
        Set<String> both = new HashSet<>(households.getOrDefault(first, Set.of()));
        both.retainAll(households.getOrDefault(second, Set.of()));
        return both.size();
    }

    private static Network.Coverage coverage(NetworkFacts facts, String kind) {
        Set<String> contacted = new HashSet<>();
        facts.contacts().forEach(c -> contacted.add(c.vindplaats()));
        List<NetworkFacts.Vindplaats> local = facts.vindplaatsen().stream()
                .filter(v -> v.neighbourhood() != null && kind.equals(v.kind()))
                .toList();
        return new Network.Coverage(local.size(), (int)
                local.stream().filter(v -> contacted.contains(v.id())).count());
    }
}
