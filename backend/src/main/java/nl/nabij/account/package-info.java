/**
 * Account administration: an administrator lists the built-in accounts, creates them for a role, disables and
 * enables them and sets new passwords. A role that reads households or administers Nabij, and a new password on such
 * an account, is a pending grant until a second administrator approves it, and only when it matches the graph
 * (docs/explanation/separation-of-duties.md); resident accounts are not made here. Every change is written to the audit trail,
 * naming the account, role, scope and the people who asked and decided. Sign-in itself, and the rules
 * of what each role may see, belong to {@code security}.
 */
package nl.nabij.account;
