/**
 * The database the application talks to: an embedded Neo4j Community DBMS when no {@code spring.neo4j.uri} is
 * configured, the configured server or cluster otherwise, and the schema migrations applied to either at start-up.
 * It also runs every transaction again after a transient error (a deadlock, a leader switch), and offers the two ways
 * features read: {@link nl.nabij.database.GraphQueries} over the driver, and for one-statement reads on hot paths
 * {@link nl.nabij.database.SingleStatementQueries}, which runs them in the embedded database's process when there is
 * one. This is the only package that touches Neo4j's embedded API.
 */
package nl.nabij.database;
