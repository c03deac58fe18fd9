package nl.nabij.vindplaats;

import org.springframework.data.neo4j.repository.Neo4jRepository;

/** Finds one vindplaats by its key. Lists and links go through {@link DirectoryQueries}. */
interface VindplaatsRepository extends Neo4jRepository<Vindplaats, String> {}
