/**
 * Consent (toestemming): a resident's permission for a named professional or organisation to share their information,
 * for a purpose, until a date. Residents grant and withdraw it; those involved with the household see it.
 */
package nl.nabij.consent;
