/**
 * Scheduled jobs in a cluster: the lease in the database that lets each nightly job run on one app instance, whichever
 * comes first, while every instance's scheduler fires it.
 */
package nl.nabij.jobs;
