/**
 * The database the application talks to: an embedded Neo4j Community DBMS when no {@code spring.neo4j.uri} is
 * configured, the configured server or cluster otherwise, and the schema migrations applied to either at start-up.
 * It also runs every transaction again after a transient error (a deadlock, a leader switch). This is the only
 * package that touches Neo4j's embedded API.
 */
package nl.nabij.database;
