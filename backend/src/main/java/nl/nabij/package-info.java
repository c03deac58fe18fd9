/**
 * Nabij: the social domain of a municipality as a graph, served as a GraphQL API. The application class lives here;
 * every capability lives in a feature package beside it.
 */
package nl.nabij;
