/**
 * Involvements (betrokkenheden): a professional's registration that they help a resident or a whole household,
 * under a law or domain, for a period. Identification only, never case content.
 */
package nl.nabij.involvement;
