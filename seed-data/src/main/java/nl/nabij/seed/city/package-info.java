/**
 * A synthetic city of any size, from a town to the whole country: its streaming generator
 * ({@link nl.nabij.seed.city.CityGenerator}) and the restartable command-line loader that writes it into Neo4j in
 * batches ({@link nl.nabij.seed.city.CityLoader}). Every name is made up and no resident has a BSN: the pseudonyms are
 * hashes of a counter, not of any citizen service number.
 */
package nl.nabij.seed.city;
