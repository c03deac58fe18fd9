/**
 * Volunteers and informal contacts register themselves, without an account: they confirm by a one-time link, a team
 * lead of their area approves or rejects them, and connects them to the team, which puts the place they act from in
 * the team's contacts. They see, correct and delete their own registration with a personal link. Nothing here reads
 * resident data.
 */
package nl.nabij.volunteer;
