package nl.nabij.household;

import nl.nabij.seed.SeedData;

/** Counts over the seed files, to compare the API's answers with. */
final class SeedCounts {

    private SeedCounts() {}

    static long householdsIn(String neighbourhoodCode) {
        return SeedData.fromClasspath().households().stream()
                .filter(h -> h.neighbourhoodCode().equals(neighbourhoodCode))
                .count();
    }
}
