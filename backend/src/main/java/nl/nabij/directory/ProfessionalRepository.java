package nl.nabij.directory;

import org.springframework.data.neo4j.repository.Neo4jRepository;

/** Finds one professional by its key. Lists and links go through {@link DirectoryQueries}. */
interface ProfessionalRepository extends Neo4jRepository<Professional, String> {}
