/**
 * Statistical disclosure control for everything that shows aggregates to readers who see no households (analysts and
 * administrators): the one policy every figure, list and export of the steering, network and directory packages
 * applies, with its minimum cell size, secondary suppression, whole calendar months and the rule that names nobody on
 * fewer households or referrals than that; and the audit event each such read leaves.
 */
package nl.nabij.disclosure;
