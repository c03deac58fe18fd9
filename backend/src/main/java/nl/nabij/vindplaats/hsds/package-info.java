/**
 * The exchange of the social map with other social maps in Open Referral HSDS 3.0: the HSDS API (its JSON and its
 * tabular data package) both ways, on top of what {@code nl.nabij.vindplaats} keeps.
 */
package nl.nabij.vindplaats.hsds;
