/**
 * The network of a neighbourhood or district as it stood on a day: its teams, organisations, vindplaatsen and
 * professionals, who works with whom, with metrics per node and for the whole (JGraphT), and what is missing, each gap
 * with its evidence and a suggested action; the network also as files for network tools (GraphML, GEXF, CSV). Nothing
 * in it names a resident or a household, and users who see no households read all of it under disclosure control (the
 * disclosure package's policy).
 */
package nl.nabij.network;
