package nl.nabij.directory;

import org.springframework.data.neo4j.repository.Neo4jRepository;

/** Finds one team by its key. Lists and links go through {@link DirectoryQueries}. */
interface TeamRepository extends Neo4jRepository<Team, String> {}
