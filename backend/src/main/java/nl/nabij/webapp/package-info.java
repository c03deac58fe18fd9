/**
 * The web app for people who do not write GraphQL: team leads, professionals, analysts, volunteers, residents and
 * auditors. Its files are static (HTML, ES modules, CSS, the Dutch and English texts) under {@code static/}, with
 * Cytoscape.js from its WebJar; it calls the same GraphQL API as any client. The Java side lets a bookmarked or mailed
 * address of a screen open the app, and tells the app which identity provider, if any, it may offer for signing in.
 */
package nl.nabij.webapp;
