/**
 * Case systems register for their professionals: an organisation's machine client (role CASE_SYSTEM, its organisation
 * in the token's {@code nabij_organisation} claim) registers, renews and ends involvements in bulk over
 * {@code POST /case-system/involvements} (NDJSON in, NDJSON out), for that organisation's professionals only, named by
 * the organisation's own employee reference. Owns the idempotency records ({@code CaseSystemItem}); the registrations
 * themselves go through the involvement feature's own commands.
 */
package nl.nabij.casesystem;
