/**
 * Households and the question every professional asks first: who is already involved with this household? Finding a
 * household (by id, address or a member's BSN), its members, the involvements around it, its coordinator, and the
 * overlap summary that shows which helpers do not know of each other; and finding overlap across an area: the
 * households where most helpers work side by side, with a suggested coordinator.
 */
package nl.nabij.household;
