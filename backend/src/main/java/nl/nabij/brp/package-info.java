/**
 * The municipality's register of persons (BRP), through the BRP API Personen 2.7.0 (Haal Centraal): the client (OAuth
 * 2.0 client credentials, mutual TLS, timeouts, typed errors, only the fields Nabij needs), the lookup that adds a
 * resident Nabij does not hold with their household when a professional registers an involvement by BSN, and the sync
 * that keeps residents current (moves, moves out of the municipality, deaths, secrecy of personal data). Off unless
 * {@code nabij.brp.enabled}; docs/how-to/connect-brp.md describes the settings.
 */
package nl.nabij.brp;
