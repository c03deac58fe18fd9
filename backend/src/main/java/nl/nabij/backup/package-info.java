/**
 * Backup and restore of the whole graph as one portable file (gzipped JSON lines) while the application runs, and
 * its restore into an empty store, each with counts and a content digest that does not depend on the store's
 * internal ids, so a backup and its restore can be compared. It owns the write lanes: every read-write transaction
 * locks one just before it commits, and a backup locks them all, so its file is one consistent state.
 */
package nl.nabij.backup;
