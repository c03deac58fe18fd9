/**
 * Matches: when a new involvement makes two or more organisations involved with the same household (as a whole or
 * through its members), they are brought together in one match per household, and every professional in it is told.
 * Notifications are durable (an inbox per professional), live (a GraphQL subscription, on whichever app instance the
 * professional is connected to) and, when SMTP is configured, mailed without personal data.
 */
package nl.nabij.match;
