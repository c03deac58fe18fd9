package nl.nabij.directory;

import org.springframework.data.neo4j.repository.Neo4jRepository;

/** Finds one municipality by its key. Lists and links go through {@link DirectoryQueries}. */
interface MunicipalityRepository extends Neo4jRepository<Municipality, String> {}
