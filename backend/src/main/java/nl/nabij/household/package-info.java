/**
 * Households and the question every professional asks first: who is already involved with this household? Finding a
 * household (by id, address or a member's BSN), its members, the involvements around it, its coordinator, and the
 * overlap summary that shows which helpers do not know of each other.
 */
package nl.nabij.household;
