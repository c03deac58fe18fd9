/**
 * The web app for people who do not write GraphQL: team leads, professionals, analysts, volunteers, residents and
 * auditors. Its files are static (HTML, ES modules, CSS, the Dutch and English texts) under {@code static/}, with
 * Cytoscape.js from its WebJar; it calls the same GraphQL API as any client. The Java side only lets a bookmarked or
 * mailed address of a screen open the app.
 */
package nl.nabij.webapp;
