/**
 * Account administration: an administrator lists the built-in accounts, creates them for a role, disables and
 * enables them and sets new passwords. Every change is written to the audit trail. Sign-in itself, and the rules
 * of what each role may see, belong to {@code security}.
 */
package nl.nabij.account;
