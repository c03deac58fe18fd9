package nl.nabij.directory;

import org.springframework.data.neo4j.repository.Neo4jRepository;

/** Finds one organisation by its key. Lists and links go through {@link DirectoryQueries}. */
interface OrganisationRepository extends Neo4jRepository<Organisation, String> {}
