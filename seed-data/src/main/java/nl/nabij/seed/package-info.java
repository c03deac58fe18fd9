/**
 * The synthetic demo municipality Nieuwstad: the shape of its seed files ({@link nl.nabij.seed.SeedData}), the
 * generator that writes them ({@link nl.nabij.seed.DemoMunicipalityGenerator}) and the loader that writes the
 * committed files into Neo4j ({@link nl.nabij.seed.DemoDataLoader}). Everything in here is fictional; the BSNs in the
 * files are synthetic and reach the graph only as pseudonyms. The module's jar, which the application ships, holds
 * the files, their shape and the loader; the generator, and the city package, go into the jar with the classifier
 * {@code generators} for the tools that run them (the seed-data tests, the benchmarks, {@code ops/load-city.sh}).
 */
package nl.nabij.seed;
