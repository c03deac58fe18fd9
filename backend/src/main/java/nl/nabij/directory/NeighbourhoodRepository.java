package nl.nabij.directory;

import org.springframework.data.neo4j.repository.Neo4jRepository;

/** Finds one neighbourhood by its key. Lists and links go through {@link DirectoryQueries}. */
interface NeighbourhoodRepository extends Neo4jRepository<Neighbourhood, String> {}
