/**
 * The directory of the care landscape (the sociale kaart): organisations, professionals, wijkteams, the geography
 * of municipality, districts and neighbourhoods, with the links between
 * them, and the administrator's changes to organisations. One GraphQL controller per type; nested lists are batched
 * per request.
 */
package nl.nabij.directory;
