package nl.nabij.directory;

import org.springframework.data.neo4j.repository.Neo4jRepository;

/** Finds one district by its key. Lists and links go through {@link DirectoryQueries}. */
interface DistrictRepository extends Neo4jRepository<District, String> {}
