package nl.nabij.network;

import java.util.List;

/** Two networks side by side: per figure, its value in each and the second minus the first. */
public record NetworkComparison(NetworkScope first, NetworkScope second, List<Difference> figures) {

    public record Difference(String name, double first, double second, double difference) {}
}
